package jp.yorisoi.functions.admin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Method + path template ("/admin/runs", "/admin/readers/{readerId}") → route. Each API area registers its own
 * routes, so a new area adds a class and one registration line. No match is 404; a path that exists under
 * another method is 405.
 */
public final class Router {

    private final List<Route> routes = new ArrayList<>();

    public Router add(String method, String template, Function<ApiRequest, ApiResponse> handler) {
        routes.add(new Route(method, split(template), handler));
        return this;
    }

    /** Every route as "METHOD /template", in registration order. */
    public List<String> routeKeys() {
        return routes.stream().map(route -> route.method() + " /" + String.join("/", route.template())).toList();
    }

    public ApiResponse dispatch(ApiRequest request) {
        String[] path = split(request.path());
        Set<String> allowed = new LinkedHashSet<>();
        for (Route route : routes) {
            Map<String, String> parameters = route.match(path);
            if (parameters == null) {
                continue;
            }
            if (route.method().equalsIgnoreCase(request.method())) {
                return route.handler().apply(request.withPathParameters(parameters));
            }
            allowed.add(route.method());
        }
        if (!allowed.isEmpty()) {
            throw new ApiException(405, "method_not_allowed", request.method() + " is not allowed here; use " + String.join(", ", allowed));
        }
        throw ApiException.notFound("no such resource");
    }

    private static String[] split(String path) {
        String trimmed = path == null ? "" : path.replaceAll("^/+|/+$", "");
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/+");
    }

    private record Route(String method, String[] template, Function<ApiRequest, ApiResponse> handler) {

        /** Path parameters when the path fits the template, else null. */
        Map<String, String> match(String[] path) {
            if (path.length != template.length) {
                return null;
            }
            Map<String, String> parameters = new HashMap<>();
            for (int i = 0; i < path.length; i++) {
                String segment = template[i];
                if (segment.startsWith("{") && segment.endsWith("}")) {
                    parameters.put(segment.substring(1, segment.length() - 1), path[i]);
                } else if (!segment.equals(path[i])) {
                    return null;
                }
            }
            return parameters;
        }
    }
}
