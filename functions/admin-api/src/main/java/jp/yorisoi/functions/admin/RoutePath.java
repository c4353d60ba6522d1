package jp.yorisoi.functions.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.Map;

/**
 * The path of a request within the API, independent of the stage it came through. With payload format 2.0 a named
 * stage is part of {@code rawPath} and {@code requestContext.http.path} ({@code /dev/admin/runs} on stage "dev"),
 * while {@code routeKey} names the matched route ({@code ANY /admin/{proxy+}}) and {@code pathParameters} its
 * variables ({@code proxy=runs}). See "Create AWS Lambda proxy integrations for HTTP APIs", payload format 2.0
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html) and
 * "Stages for HTTP APIs": only the {@code $default} stage is served from the base of the URL
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-stages.html).
 */
final class RoutePath {

    private RoutePath() {}

    /** {@code /admin/runs} for route {@code ANY /admin/{proxy+}} with {@code proxy=runs}, whatever the stage. */
    static String of(APIGatewayV2HTTPEvent event) {
        String routeKey = event.getRouteKey();
        if (routeKey == null && event.getRequestContext() != null) {
            routeKey = event.getRequestContext().getRouteKey();
        }
        int space = routeKey == null ? -1 : routeKey.indexOf(' ');
        if (space < 0) {
            // the $default route (no template): the raw path less a named stage
            return withoutStage(event);
        }
        return expand(routeKey.substring(space + 1),
                event.getPathParameters() == null ? Map.of() : event.getPathParameters());
    }

    /** The route template with each {name} and greedy {name+} replaced by its path parameter. */
    static String expand(String template, Map<String, String> parameters) {
        StringBuilder path = new StringBuilder();
        for (String segment : template.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            path.append('/');
            if (segment.startsWith("{") && segment.endsWith("}")) {
                String name = segment.substring(1, segment.length() - (segment.endsWith("+}") ? 2 : 1));
                String value = parameters.get(name);
                if (value == null || value.isEmpty()) {
                    throw ApiException.notFound("no such resource");
                }
                path.append(value);
            } else {
                path.append(segment);
            }
        }
        return path.isEmpty() ? "/" : path.toString();
    }

    private static String withoutStage(APIGatewayV2HTTPEvent event) {
        String path = event.getRawPath();
        if (path == null && event.getRequestContext() != null && event.getRequestContext().getHttp() != null) {
            path = event.getRequestContext().getHttp().getPath();
        }
        if (path == null) {
            return "/";
        }
        String stage = event.getRequestContext() == null ? null : event.getRequestContext().getStage();
        if (stage != null && !stage.equals("$default")) {
            String prefix = "/" + stage;
            if (path.equals(prefix)) {
                return "/";
            }
            if (path.startsWith(prefix + "/")) {
                return path.substring(prefix.length());
            }
        }
        return path;
    }
}
