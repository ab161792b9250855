package dev.vzbridge.dualnic;

import dev.vzbridge.api.plan.Action;
import dev.vzbridge.api.plan.DeleteFile;
import dev.vzbridge.api.plan.Step;
import dev.vzbridge.api.plan.WriteFile;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Steps that write or remove the setup record, each undone to the file's exact bytes before it. */
final class RecordFile {
    private RecordFile() {
    }

    static Step write(SetupRecord next, Optional<StoredRecord> before) {
        Action undo = before.<Action>map(s -> new WriteFile(SetupRecord.PATH, s.bytes(), s.mode()))
            .orElse(new DeleteFile(SetupRecord.PATH));
        return new Step(new WriteFile(SetupRecord.PATH, next.toBytes(), SetupRecord.MODE), List.of(undo), Set.of());
    }

    static Step delete(StoredRecord before) {
        return new Step(new DeleteFile(SetupRecord.PATH),
            List.of(new WriteFile(SetupRecord.PATH, before.bytes(), before.mode())), Set.of());
    }
}
