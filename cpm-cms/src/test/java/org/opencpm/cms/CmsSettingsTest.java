package org.opencpm.cms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CmsSettingsTest {

    @Test
    void defaultsAreLoopbackPortsAndAnH2FileInTheDataDirectory() {
        CmsSettings s = CmsSettings.from(Map.of("opencpm.cms.data", "/var/cms", "opencpm.domain", "Example.COM")::get);
        assertEquals(Path.of("/var/cms"), s.dataDirectory());
        assertEquals("127.0.0.1", s.address());
        assertEquals(1143, s.imapPort());
        assertEquals(1025, s.smtpPort());
        assertEquals("http://127.0.0.1:8000", s.webAdminUrl());
        assertEquals("example.com", s.domain(), "the CPM domain, lower-cased, unless opencpm.cms.domain says otherwise");
        assertEquals("jdbc:h2:file:/var/cms/db/james;NON_KEYWORDS=VALUE;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0", s.dbUrl());
        assertEquals("org.h2.Driver", s.dbDriver());
        assertEquals("Default", s.defaultFolder());
        assertEquals("opencpm$admin@example.com", s.administrator());
        assertFalse(s.hasAdministrator(), "no administrator without a password");
        assertFalse(CmsConfiguration.files(s).get("usersrepository.xml").contains("administratorId"));
    }

    @Test
    void anAdministratorWithAPasswordIsJamesAdministrator() {
        CmsSettings s = CmsSettings.from(Map.of("opencpm.cms.domain", "cms.test",
                "opencpm.cms.admin.password", "secret")::get);
        assertTrue(s.hasAdministrator());
        assertTrue(CmsConfiguration.files(s).get("usersrepository.xml")
                .contains("<administratorId>opencpm$admin@cms.test</administratorId>"));
    }

    @Test
    void theAdministratorAndTheDefaultFolderAreChecked() {
        for (String admin : List.of("root@other.test", "a b@cms.test", "a\r\nb@cms.test", "x\"@cms.test", "@cms.test",
                "noat")) {
            assertTrue(assertThrows(IllegalArgumentException.class, () -> CmsSettings.from(Map.of(
                    "opencpm.cms.domain", "cms.test", "opencpm.cms.admin", admin)::get)).getMessage()
                    .contains("opencpm.cms.admin"), admin);
        }
        assertEquals("CPM.Default", CmsSettings.from(Map.of("opencpm.cms.default.folder", "CPM.Default")::get)
                .defaultFolder());
        for (String folder : List.of("inbox", "a..b", ".a", "a.", "a/b", "a b", "a%", "#user", "é", "x".repeat(39))) {
            assertTrue(assertThrows(IllegalArgumentException.class, () -> CmsSettings.from(Map.of(
                    "opencpm.cms.default.folder", folder)::get)).getMessage().contains("opencpm.cms.default.folder"),
                    folder);
        }
    }

    @Test
    void postgresqlByConfiguration() {
        CmsSettings s = CmsSettings.from(Map.of("opencpm.cms.db.url", "jdbc:postgresql://db/james",
                "opencpm.cms.db.user", "james", "opencpm.cms.db.password", "pw")::get);
        assertEquals("org.postgresql.Driver", s.dbDriver());
        assertEquals("postgres", s.dbDictionary());
        assertEquals("james", s.dbUser());
    }

    @Test
    void badValuesStopTheStartWithTheirName() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> CmsSettings.from(Map.of("opencpm.cms.imap.port", "imap")::get)).getMessage()
                .contains("opencpm.cms.imap.port"));
        assertThrows(IllegalArgumentException.class, () -> CmsSettings.from(Map.of("opencpm.cms.smtp.port", "70000")::get));
        assertThrows(IllegalArgumentException.class,
                () -> CmsSettings.from(Map.of("opencpm.cms.db.url", "jdbc:mysql://x/y")::get));
        assertThrows(IllegalArgumentException.class, () -> CmsSettings.from(Map.of("opencpm.cms.domain", "a b")::get));
    }

    @Test
    void generatedXmlEscapesValues() {
        assertEquals("a&lt;b&gt;&amp;&quot;&apos;", CmsConfiguration.xml("a<b>&\"'"));
        CmsSettings s = CmsSettings.from(Map.of("opencpm.cms.imap.port", "2143")::get);
        assertTrue(CmsConfiguration.files(s).get("imapserver.xml").contains("<bind>127.0.0.1:2143</bind>"));
        assertTrue(CmsConfiguration.files(s).get("webadmin.properties").contains("host=127.0.0.1"));
    }
}
