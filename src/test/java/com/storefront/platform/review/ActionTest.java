package com.storefront.platform.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ActionTest {

    @Test
    void readsBothOrdersOfAReplacementAsReplacementsThatDestroy() {
        List<String> deleteFirst = List.of("delete", "create");
        List<String> createFirst = List.of("create", "delete");

        Action defaultOrder = Action.fromTerraform(deleteFirst).orElseThrow();
        Action createBeforeDestroy = Action.fromTerraform(createFirst).orElseThrow();

        assertEquals(Action.REPLACE_DELETE_FIRST, defaultOrder);
        assertEquals(Action.REPLACE_CREATE_FIRST, createBeforeDestroy);
        assertTrue(defaultOrder.destroysExisting() && createBeforeDestroy.destroysExisting());
        assertEquals("replace", createBeforeDestroy.kind());
    }

    @Test
    void leavesNoOpsAndReadsOut() {
        List<String> noOp = List.of("no-op");
        List<String> read = List.of("read");

        Optional<Action> fromNoOp = Action.fromTerraform(noOp);
        Optional<Action> fromRead = Action.fromTerraform(read);

        assertEquals(Optional.empty(), fromNoOp);
        assertEquals(Optional.empty(), fromRead);
    }

    @Test
    void failsLoudlyOnAnActionItDoesNotKnow() {
        List<String> unknown = List.of("create", "forget");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Action.fromTerraform(unknown));

        assertTrue(error.getMessage().startsWith("unknown Terraform actions [create, forget]"), error.getMessage());
    }
}
