package jp.yorisoi.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The HTTP API's routes as template.yaml declares them ("POST /webhook/{municipalityId}", "ANY /admin/{proxy+}"),
 * each to the handler Lambda would run, matched the way API Gateway matches them.
 */
public final class ApiRoutes {

    /**
     * @param method       an HTTP method or "ANY"
     * @param template     path template: literal segments, {name} for one segment, {name+} (last) for the rest
     * @param functionName the Lambda function's name, for the invocation context and logs
     * @param authorized   behind the JWT authorizer (template.yaml's DefaultAuthorizer), or public (Authorizer: NONE)
     */
    public record Route(String method, String template, String functionName,
                        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler, boolean authorized) {

        public Route {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(template, "template");
            Objects.requireNonNull(functionName, "functionName");
            Objects.requireNonNull(handler, "handler");
            if (!template.startsWith("/")) {
                throw new IllegalArgumentException("route template must start with '/': " + template);
            }
            List<String> segments = segments(template);
            for (int i = 0; i < segments.size(); i++) {
                if (segments.get(i).endsWith("+}") && i != segments.size() - 1) {
                    throw new IllegalArgumentException("a greedy {name+} must be the last segment: " + template);
                }
            }
        }

        /** API Gateway's routeKey, e.g. "POST /webhook/{municipalityId}". */
        public String routeKey() {
            return method + " " + template;
        }

        Optional<Map<String, String>> match(String requestMethod, String rawPath) {
            if (!method.equals("ANY") && !method.equalsIgnoreCase(requestMethod)) {
                return Optional.empty();
            }
            List<String> pattern = segments(template);
            List<String> actual = segments(rawPath);
            Map<String, String> parameters = new LinkedHashMap<>();
            for (int i = 0; i < pattern.size(); i++) {
                String part = pattern.get(i);
                boolean variable = part.startsWith("{") && part.endsWith("}");
                if (variable && part.endsWith("+}")) {
                    if (i >= actual.size()) {
                        return Optional.empty();
                    }
                    List<String> rest = actual.subList(i, actual.size()).stream().map(ApiRoutes::decode).toList();
                    parameters.put(part.substring(1, part.length() - 2), String.join("/", rest));
                    return Optional.of(parameters);
                }
                if (i >= actual.size()) {
                    return Optional.empty();
                }
                if (variable) {
                    if (actual.get(i).isEmpty()) {
                        return Optional.empty();
                    }
                    parameters.put(part.substring(1, part.length() - 1), decode(actual.get(i)));
                } else if (!part.equals(actual.get(i))) {
                    return Optional.empty();
                }
            }
            return actual.size() == pattern.size() ? Optional.of(parameters) : Optional.empty();
        }
    }

    /** A request matched to its route, with the values of the template's variables. */
    public record Match(Route route, Map<String, String> pathParameters) {}

    // Routes may be added while the server answers (tests add theirs to a running server).
    private final List<Route> routes = new CopyOnWriteArrayList<>();

    /** A public route: no authorizer, as the LINE webhook's {@code Auth: Authorizer: NONE}. */
    public ApiRoutes add(String method, String template, String functionName,
                         RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {
        routes.add(new Route(method, template, functionName, handler, false));
        return this;
    }

    /** A route behind the JWT authorizer: requests without a valid token are answered 401 before the handler. */
    public ApiRoutes addAuthorized(String method, String template, String functionName,
                                   RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {
        routes.add(new Route(method, template, functionName, handler, true));
        return this;
    }

    public List<Route> routes() {
        return List.copyOf(routes);
    }

    /**
     * The route for a request: a route with only literal segments wins over one with variables, and a greedy
     * route comes last, as in API Gateway. {@code rawPath} is the path as sent (percent-encoded).
     */
    public Optional<Match> match(String method, String rawPath) {
        Match best = null;
        int bestRank = Integer.MAX_VALUE;
        for (Route route : routes) {
            Optional<Map<String, String>> parameters = route.match(method, rawPath);
            if (parameters.isPresent()) {
                int rank = rank(route);
                if (rank < bestRank) {
                    best = new Match(route, parameters.get());
                    bestRank = rank;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static int rank(Route route) {
        int rank = route.template().contains("+}") ? 2 : route.template().contains("{") ? 1 : 0;
        return rank * 2 + (route.method().equals("ANY") ? 1 : 0);
    }

    private static List<String> segments(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("/", -1));
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
