package org.opencpm.cms;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * James' {@code conf/} directory, written from {@link CmsSettings} at every start: the files are generated, never
 * edited by hand (what an operator may change is a property). A server James reads no file of is off, so the files
 * written here are the whole surface: IMAP, SMTP (local delivery only, never relaying), WebAdmin on loopback, JPA
 * users with virtual hosting, the home domain, no JMX.
 */
final class CmsConfiguration {

    private CmsConfiguration() {
    }

    /** Writes the files into {@code <data>/conf} and returns that directory. */
    static Path write(CmsSettings settings) throws IOException {
        Path conf = settings.dataDirectory().resolve("conf");
        Files.createDirectories(conf);
        for (Map.Entry<String, String> file : files(settings).entrySet()) {
            Files.writeString(conf.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }
        return conf;
    }

    static Map<String, String> files(CmsSettings s) {
        String address = xml(s.address());
        String domain = xml(s.domain());
        Map<String, String> files = new LinkedHashMap<>();
        files.put("imapserver.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <imapservers>
                  <imapserver enabled="true">
                    <jmxName>imapserver</jmxName>
                    <bind>%s:%d</bind>
                    <connectionBacklog>200</connectionBacklog>
                    <connectionLimit>0</connectionLimit>
                    <connectionLimitPerIP>0</connectionLimitPerIP>
                    <enableIdle>true</enableIdle>
                    <idleTimeInterval>120</idleTimeInterval>
                    <idleTimeIntervalUnit>SECONDS</idleTimeIntervalUnit>
                    <auth>
                      <plainAuthEnabled>true</plainAuthEnabled>
                      <requireSSL>false</requireSSL>
                    </auth>
                  </imapserver>
                </imapservers>
                """.formatted(address, s.imapPort()));
        files.put("smtpserver.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <smtpservers>
                  <smtpserver enabled="true">
                    <jmxName>smtpserver</jmxName>
                    <bind>%s:%d</bind>
                    <connectionBacklog>200</connectionBacklog>
                    <connectiontimeout>360</connectiontimeout>
                    <connectionLimit>0</connectionLimit>
                    <connectionLimitPerIP>0</connectionLimitPerIP>
                    <auth>
                      <announce>never</announce>
                      <requireSSL>false</requireSSL>
                      <plainAuthEnabled>true</plainAuthEnabled>
                    </auth>
                    <authorizedAddresses>127.0.0.0/8</authorizedAddresses>
                    <verifyIdentity>false</verifyIdentity>
                    <maxmessagesize>0</maxmessagesize>
                    <addressBracketsEnforcement>true</addressBracketsEnforcement>
                    <smtpGreeting>OpenCPM message store</smtpGreeting>
                    <handlerchain>
                      <handler class="org.apache.james.smtpserver.fastfail.ValidRcptHandler"/>
                      <handler class="org.apache.james.smtpserver.CoreCmdHandlerLoader"/>
                    </handlerchain>
                  </smtpserver>
                </smtpservers>
                """.formatted(address, s.smtpPort()));
        // Local recipients get the mail in their INBOX; anything else is kept in memory for inspection, never relayed.
        files.put("mailetcontainer.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <mailetcontainer enableJmx="false">
                  <context>
                    <postmaster>postmaster@%s</postmaster>
                  </context>
                  <spooler>
                    <threads>2</threads>
                    <errorRepository>memory://var/mail/error/</errorRepository>
                  </spooler>
                  <processors>
                    <processor state="root" enableJmx="false">
                      <mailet match="All" class="ToProcessor">
                        <processor>transport</processor>
                      </mailet>
                    </processor>
                    <processor state="error" enableJmx="false">
                      <mailet match="All" class="ToRepository">
                        <repositoryPath>memory://var/mail/error/</repositoryPath>
                      </mailet>
                    </processor>
                    <processor state="transport" enableJmx="false">
                      <mailet match="All" class="RemoveMimeHeader">
                        <name>bcc</name>
                        <onMailetException>ignore</onMailetException>
                      </mailet>
                      <mailet match="RecipientIsLocal" class="LocalDelivery"/>
                      <mailet match="All" class="ToRepository">
                        <repositoryPath>memory://var/mail/not-local/</repositoryPath>
                      </mailet>
                    </processor>
                  </processors>
                </mailetcontainer>
                """.formatted(domain));
        files.put("mailrepositorystore.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <mailrepositorystore>
                  <defaultProtocol>memory</defaultProtocol>
                  <mailrepositories>
                    <mailrepository class="org.apache.james.mailrepository.memory.MemoryMailRepository">
                      <protocols>
                        <protocol>memory</protocol>
                      </protocols>
                    </mailrepository>
                  </mailrepositories>
                </mailrepositorystore>
                """);
        // The administrator may authenticate as any existing user (SASL PLAIN authorization identity): how the
        // server components write into users' folders (james-facts.md); none without a password.
        files.put("usersrepository.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <usersrepository name="LocalUsers">
                  <enableVirtualHosting>true</enableVirtualHosting>
                %s</usersrepository>
                """.formatted(s.hasAdministrator()
                        ? "  <administratorId>" + xml(s.administrator()) + "</administratorId>\n" : ""));
        files.put("domainlist.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <domainlist>
                  <domainnames>
                    <domainname>%s</domainname>
                  </domainnames>
                  <autodetect>false</autodetect>
                  <autodetectIP>false</autodetectIP>
                  <defaultDomain>%s</defaultDomain>
                </domainlist>
                """.formatted(domain, domain));
        // The store delivers locally and never relays, so it needs no resolver: lookups go to loopback only.
        files.put("dnsservice.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <dnsservice>
                  <servers>
                    <server>127.0.0.1</server>
                  </servers>
                  <autodiscover>false</autodiscover>
                  <authoritative>false</authoritative>
                  <maxcachesize>50000</maxcachesize>
                </dnsservice>
                """);
        files.put("webadmin.properties", """
                enabled=true
                host=%s
                port=%d
                cors.enable=false
                jwt.enabled=false
                https.enabled=false
                """.formatted(CmsSettings.WEBADMIN_ADDRESS, s.webAdminPort()));
        files.put("jmx.properties", "jmx.enabled=false\n");
        files.put("logback.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <configuration>
                  <appender name="CONSOLE" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder>
                      <pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n</pattern>
                    </encoder>
                  </appender>
                  <logger name="org.apache.james" level="INFO"/>
                  <logger name="org.apache.openjpa" level="WARN"/>
                  <logger name="openjpa" level="WARN"/>
                  <logger name="io.netty" level="WARN"/>
                  <logger name="org.eclipse.jetty" level="WARN"/>
                  <logger name="spark" level="WARN"/>
                  <root level="WARN">
                    <appender-ref ref="CONSOLE"/>
                  </root>
                </configuration>
                """);
        return files;
    }

    /** {@code value} escaped for XML text. */
    static String xml(String value) {
        StringBuilder b = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
