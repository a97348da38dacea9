package dev.crossbuild.toolchain;

import java.util.List;
import java.util.Map;

/** What {@code validate-toolchain} found, written as JSON under {@code target/crossbuild/}. */
public record ToolchainReport(List<TargetCheck> targets, List<String> problems, List<String> warnings) {

    /** The findings for one target; {@code tools} maps each configured tool to its resolved path. */
    public record TargetCheck(String id, String triple, String toolchain, String cargoVersion, String rustcVersion,
            String sysroot, boolean standardLibrary, Map<String, String> tools, List<String> problems,
            List<String> warnings) {

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    public boolean ok() {
        return problems.isEmpty() && targets.stream().allMatch(TargetCheck::ok);
    }

    /** Every problem of every target, each already naming its target and its fix. */
    public List<String> allProblems() {
        java.util.ArrayList<String> all = new java.util.ArrayList<>();
        targets.forEach(t -> all.addAll(t.problems()));
        all.addAll(problems);
        return all;
    }
}
