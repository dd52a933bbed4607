package org.opencpm.messagestore.objects;

import jakarta.activation.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** A caller's data source under the checked media type: the part's header and its data handler agree. */
final class TypedSource implements DataSource {

    private final DataSource source;
    private final String contentType;

    TypedSource(DataSource source, String contentType) {
        this.source = java.util.Objects.requireNonNull(source, "content");
        this.contentType = contentType;
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return source.getInputStream();
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        throw new IOException("read only");
    }

    @Override
    public String getContentType() {
        return contentType;
    }

    @Override
    public String getName() {
        return source.getName();
    }
}
