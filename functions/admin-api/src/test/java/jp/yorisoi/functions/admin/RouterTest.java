package jp.yorisoi.functions.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RouterTest {

    @Test
    void routesMatchTemplatesAndHandOverPathParameters() {
        Router router = new Router()
                .add("GET", "/admin/readers/{readerId}", r -> ApiResponse.ok(r.pathParameters()))
                .add("DELETE", "/admin/readers/{readerId}", r -> new ApiResponse(204, null));

        ApiResponse response = router.dispatch(new ApiRequest("GET", "/admin/readers/L123/", Map.of(), Map.of(), null, Caller.operator("test")));

        assertEquals(ApiResponse.ok(Map.of("readerId", "L123")), response);
    }
}
