package dev.vzbridge.api.plan;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One thing done to the host. Actions are data, not code, so a plan can be
 * printed before it runs, written to the journal and replayed by another process.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Exec.class, name = "exec"),
    @JsonSubTypes.Type(value = WriteFile.class, name = "write"),
    @JsonSubTypes.Type(value = RestoreFile.class, name = "restore"),
    @JsonSubTypes.Type(value = DeleteFile.class, name = "delete")
})
public sealed interface Action permits Exec, WriteFile, RestoreFile, DeleteFile {
    /** The action as an admin would type it. */
    String render();
}
