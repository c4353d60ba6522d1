package jp.yorisoi.functions.admin;

/**
 * What a route answers: a status and a body serialised as JSON, or a {@link Text} body sent as it is (YAML, CSV)
 * with its content type.
 */
public record ApiResponse(int status, Object body) {

    /** A body that is not JSON. */
    public record Text(String contentType, String text) {}

    public static ApiResponse text(int status, String contentType, String text) {
        return new ApiResponse(status, new Text(contentType, text));
    }

    public static ApiResponse created(Object body) {
        return new ApiResponse(201, body);
    }

    public static ApiResponse noContent() {
        return new ApiResponse(204, null);
    }

    public static ApiResponse ok(Object body) {
        return new ApiResponse(200, body);
    }

    public static ApiResponse accepted(Object body) {
        return new ApiResponse(202, body);
    }
}
