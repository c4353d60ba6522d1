package jp.yorisoi.functions.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /admin/openapi.yaml} (getOpenApi): the API's own description, api/openapi.yaml as packaged into the
 * function's jar, for any staff member or operator (a console builds its forms from it).
 */
public final class OpenApiDocument {

    static final String RESOURCE = "/openapi.yaml";

    private final String yaml;

    public OpenApiDocument() {
        this.yaml = load();
    }

    public void register(Router router) {
        router.add("GET", "/admin/openapi.yaml", this::get);
    }

    ApiResponse get(ApiRequest request) {
        request.caller().requireStaff();
        return ApiResponse.text(200, "application/yaml; charset=utf-8", yaml);
    }

    static String load() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not packaged with the admin API");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
