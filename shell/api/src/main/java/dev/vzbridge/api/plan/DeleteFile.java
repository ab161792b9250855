package dev.vzbridge.api.plan;

/** Remove a file; removing a missing file is not an error. */
public record DeleteFile(String path) implements Action {
    @Override
    public String render() {
        return "rm -f " + Exec.quote(path);
    }
}
