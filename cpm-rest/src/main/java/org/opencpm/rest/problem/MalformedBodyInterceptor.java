package org.opencpm.rest.problem;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;

/**
 * Turns a request entity that JSON-B cannot read into 400. The reader reports bad JSON as a
 * {@link ProcessingException} (or {@link JsonbException}); caught here, it is told apart from a
 * {@link ProcessingException} while writing a response, which is a server error. The parser's own message is not
 * passed on: it quotes the input. (An empty body reads as {@code null}, which the resources refuse.)
 */
@Provider
public class MalformedBodyInterceptor implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        try {
            return context.proceed();
        } catch (ProcessingException | JsonbException e) {
            throw new MalformedBodyException("The request body is not the JSON object this resource expects.", e);
        }
    }
}
