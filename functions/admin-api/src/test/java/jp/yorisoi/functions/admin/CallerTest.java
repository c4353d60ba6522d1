package jp.yorisoi.functions.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import jp.yorisoi.functions.admin.Caller.StaffGroup;
import org.junit.jupiter.api.Test;

class CallerTest {

    private final Caller editorOfA = new Caller("s-1", Set.of(StaffGroup.EDITOR), Optional.of("town-a"));
    private final Caller viewerOfA = new Caller("s-2", Set.of(StaffGroup.VIEWER), Optional.of("town-a"));

    @Test
    void staffOfOneTownAreRefusedAnotherTown() {
        assertFalse(editorOfA.canRead("town-b"));
        ApiException e = assertThrows(ApiException.class, () -> editorOfA.requireEdit("town-b"));
        assertEquals(403, e.status());
    }

    @Test
    void aViewerReadsButChangesNothing() {
        assertTrue(viewerOfA.canRead("town-a"));
        assertEquals(403, assertThrows(ApiException.class, () -> viewerOfA.requireEdit("town-a")).status());
    }

    @Test
    void anEditorChangesOnlyTheirTown() {
        assertTrue(editorOfA.canEdit("town-a"));
        assertEquals(403, assertThrows(ApiException.class, editorOfA::requireOperator).status());
    }

    @Test
    void anOperatorSeesAndChangesEveryTown() {
        Caller operator = Caller.operator("op");
        assertTrue(operator.canEdit("town-a"));
        assertTrue(operator.canEdit("town-b"));
    }

    @Test
    void aTownAttributeWithoutAnyGroupGrantsNothing() {
        assertFalse(new Caller("s-3", Set.of(), Optional.of("town-a")).canRead("town-a"));
    }
}
