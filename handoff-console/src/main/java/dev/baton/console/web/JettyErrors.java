package dev.baton.console.web;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error pages (a request it refuses before Javalin sees it: headers too large, a bad
 * URI) carry the same security headers as every console response.
 */
final class JettyErrors extends ErrorHandler {

    JettyErrors() {
        setShowStacks(false);
        setShowMessageInTitle(false);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Guard.addHeaders(null, (name, value) -> response.getHeaders().put(name, value));
        return super.handle(request, response, callback);
    }
}
