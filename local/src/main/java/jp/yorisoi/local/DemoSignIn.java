package jp.yorisoi.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import jp.yorisoi.testkit.CognitoTokens;

/**
 * The local stand-in for Cognito's sign-in, when no outside issuer is configured: three demo users of the demo town
 * (an operator, an editor, a viewer) with fixed demo passwords, and ID tokens signed with the runner's own key.
 * {@code GET /local/sign-in} is a form; {@code POST /local/sign-in} takes the form or JSON
 * {@code {"username", "password"}} and answers the ID token ({@code {"idToken", "tokenType", "expiresIn"}} for
 * JSON); {@code GET /local/.well-known/jwks.json} is the key set, as a user pool publishes it.
 */
final class DemoSignIn {

    static final String PATH = "/local/sign-in";
    static final String JWKS_PATH = "/local/.well-known/jwks.json";

    /** A demo account; its password is printed in the banner (local demo only). */
    record DemoUser(String username, String password, String group, String municipalityId) {}

    static final List<DemoUser> USERS = List.of(
            new DemoUser("operator@demo.local", "demo-operator", "operator", null),
            new DemoUser("editor@demo.local", "demo-editor", "editor", LocalConfig.DEMO_MUNICIPALITY),
            new DemoUser("viewer@demo.local", "demo-viewer", "viewer", LocalConfig.DEMO_MUNICIPALITY));

    private final CognitoTokens tokens;

    DemoSignIn(CognitoTokens tokens) {
        this.tokens = tokens;
    }

    void handle(HttpExchange exchange, String path) throws IOException {
        String method = exchange.getRequestMethod();
        if (path.equals(JWKS_PATH) && method.equals("GET")) {
            HttpIo.send(exchange, 200, "application/json", tokens.jwks().getBytes(StandardCharsets.UTF_8));
        } else if (path.equals(PATH) && method.equals("GET")) {
            HttpIo.html(exchange, page(""));
        } else if (path.equals(PATH) && method.equals("POST")) {
            signIn(exchange);
        } else if (path.equals(PATH) || path.equals(JWKS_PATH)) {
            HttpIo.error(exchange, 405, "Method Not Allowed");
        } else {
            HttpIo.error(exchange, 404, "Not Found");
        }
    }

    private void signIn(HttpExchange exchange) throws IOException {
        String contentType = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type")).orElse("")
                .toLowerCase(Locale.ROOT);
        byte[] body = HttpIo.body(exchange);
        boolean json = contentType.startsWith("application/json");
        String username;
        String password;
        if (json) {
            JsonNode node;
            try {
                node = HttpIo.JSON.readTree(body);
            } catch (IOException e) {
                HttpIo.json(exchange, 400, Map.of("error", "bad_request", "message", "the body is not JSON"));
                return;
            }
            username = node == null ? "" : node.path("username").asText("");
            password = node == null ? "" : node.path("password").asText("");
        } else {
            Map<String, String> form = formFields(new String(body, StandardCharsets.UTF_8));
            username = form.getOrDefault("username", "");
            password = form.getOrDefault("password", "");
        }
        Optional<DemoUser> user = USERS.stream().filter(u -> u.username().equalsIgnoreCase(username.strip())
                && MessageDigest.isEqual(u.password().getBytes(StandardCharsets.UTF_8),
                        password.getBytes(StandardCharsets.UTF_8))).findFirst();
        if (user.isEmpty()) {
            if (json) {
                HttpIo.json(exchange, 401, Map.of("error", "not_authorized", "message",
                        "incorrect user name or password"));
            } else {
                send(exchange, 401, page("<p class=\"error\">Incorrect user name or password.</p>"));
            }
            return;
        }
        String token = idToken(user.get());
        if (json) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("idToken", token);
            answer.put("tokenType", "Bearer");
            answer.put("expiresIn", 3600);
            HttpIo.json(exchange, 200, answer);
        } else {
            send(exchange, 200, page("<p>Signed in as " + user.get().username() + ". Your ID token (an hour):</p>"
                    + "<textarea readonly rows=\"8\" cols=\"100\">" + token + "</textarea>"
                    + "<p>Send it as <code>Authorization: Bearer &lt;token&gt;</code>.</p>"));
        }
    }

    /** The token Cognito would issue this user: subject = the user name, its group and town. */
    String idToken(DemoUser user) {
        return tokens.idToken(user.username(), List.of(user.group()), user.municipalityId());
    }

    private static void send(HttpExchange exchange, int status, String page) throws IOException {
        HttpIo.send(exchange, status, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
    }

    private static String page(String message) {
        StringBuilder users = new StringBuilder();
        for (DemoUser user : USERS) {
            users.append("<li><code>").append(user.username()).append("</code> / <code>").append(user.password())
                    .append("</code> (").append(user.group())
                    .append(user.municipalityId() == null ? "" : " of " + user.municipalityId()).append(")</li>");
        }
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>yorisoi local sign-in</title></head>
                <body>
                <h1>yorisoi local sign-in</h1>
                %s
                <form method="post" action="%s">
                <label>User name <input name="username" autocomplete="username"></label>
                <label>Password <input name="password" type="password" autocomplete="current-password"></label>
                <button type="submit">Sign in</button>
                </form>
                <p>Demo users (local runner only):</p><ul>%s</ul>
                </body></html>
                """.formatted(message, PATH, users);
    }

    private static Map<String, String> formFields(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }
}
