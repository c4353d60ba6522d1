package jp.yorisoi.functions.admin;

/** What a route answers: a status and a body serialised as JSON. */
public record ApiResponse(int status, Object body) {

    public static ApiResponse ok(Object body) {
        return new ApiResponse(200, body);
    }

    public static ApiResponse accepted(Object body) {
        return new ApiResponse(202, body);
    }
}
