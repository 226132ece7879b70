package io.gridsteward.api.core;

import com.amazonaws.services.lambda.runtime.Context;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * One log line per request, for CloudWatch Logs Insights: the route as written in the resources (method and path
 * template, so {@code /v1/tickets/{id}/accept} groups every ticket's acceptance), the status and the time taken, in
 * the JSON line's {@code mdc} with the Lambda request id. The request id is put in the MDC first, so every line the
 * request logs carries it: Lambda's poll loop puts it in its own thread's MDC, and resources run on another.
 */
@Singleton
public class RequestLog {

    static final String REQUEST_ID = "AWSRequestId";
    static final String ROUTE = "route";
    static final String STATUS = "status";
    static final String MILLISECONDS = "durationMs";
    private static final String STARTED = RequestLog.class.getName() + ".started";
    private static final Logger LOG = Logger.getLogger(RequestLog.class);

    private final Context lambda;

    RequestLog(Context lambda) {
        this.lambda = lambda;
    }

    @ServerRequestFilter
    public void started(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
        MDC.put(REQUEST_ID, lambda.getAwsRequestId());
    }

    @ServerResponseFilter
    public void answered(
            ContainerRequestContext request, ContainerResponseContext response, SimpleResourceInfo resource) {
        long milliseconds =
                request.getProperty(STARTED) instanceof Long started ? (System.nanoTime() - started) / 1_000_000 : 0;
        String route = request.getMethod() + " " + template(resource).orElse("(no route)");
        MDC.put(REQUEST_ID, lambda.getAwsRequestId());
        MDC.put(ROUTE, route);
        MDC.put(STATUS, Integer.toString(response.getStatus()));
        MDC.put(MILLISECONDS, Long.toString(milliseconds));
        try {
            LOG.infof("%s answered %d in %d ms", route, response.getStatus(), milliseconds);
        } finally {
            MDC.remove(ROUTE);
            MDC.remove(STATUS);
            MDC.remove(MILLISECONDS);
            MDC.remove(REQUEST_ID);
        }
    }

    /** The resource class's {@code @Path} joined with the method's: {@code /v1/tickets} + {@code /{id}/accept}. */
    static Optional<String> template(SimpleResourceInfo resource) {
        if (resource == null || resource.getResourceClass() == null) {
            return Optional.empty();
        }
        String classPath = path(resource.getResourceClass()).orElse("");
        String methodPath;
        try {
            methodPath = path(resource.getResourceClass()
                            .getMethod(resource.getMethodName(), resource.parameterTypes()))
                    .orElse("");
        } catch (NoSuchMethodException notPublic) {
            methodPath = "";
        }
        String joined = ("/" + classPath + "/" + methodPath).replaceAll("/+", "/");
        return Optional.of(
                joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined);
    }

    private static Optional<String> path(AnnotatedElement element) {
        return Optional.ofNullable(element.getAnnotation(Path.class)).map(Path::value);
    }
}
