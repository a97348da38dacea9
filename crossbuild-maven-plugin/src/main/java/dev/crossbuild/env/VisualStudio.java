package dev.crossbuild.env;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.crossbuild.model.TargetTriple;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Platform facts about Visual Studio as pure functions: the vcvarsall argument for a host and a target,
 * the component a target needs, and the instance vswhere reports (PLATFORM-NOTES, "Finding Visual
 * Studio"). Never registry keys or hard-coded editions (maven-nar 367, 388).
 */
public final class VisualStudio {

    /** Where the installer keeps vswhere, below {@code %ProgramFiles(x86)%}. */
    public static final String VSWHERE_BELOW_PROGRAM_FILES = "Microsoft Visual Studio\\Installer\\vswhere.exe";
    /** The scripts' folder below an installation. */
    public static final String SCRIPTS_FOLDER = "VC\\Auxiliary\\Build";

    private VisualStudio() {
    }

    /** One installation as vswhere describes it. */
    public record Instance(String installationPath, String installationVersion, String displayName,
            String productId, boolean prerelease) {

        /** The folder of vcvarsall.bat and the vcvars*.bat scripts. */
        public String scriptsFolder() {
            String base = installationPath.endsWith("\\") ? installationPath : installationPath + "\\";
            return base + SCRIPTS_FOLDER;
        }
    }

    /** vcvarsall's name of an architecture family: {@code amd64}, {@code x86}, {@code arm64}, {@code arm}. */
    public static Optional<String> vcvarsArch(String archFamily) {
        return Optional.ofNullable(switch (archFamily) {
            case "x86_64" -> "amd64";
            case "x86" -> "x86";
            case "aarch64" -> "arm64";
            case "arm" -> "arm";
            default -> null;
        });
    }

    /**
     * The vcvarsall argument: {@code <host>_<target>}, or just the target when both are the same. An x64
     * host building ARM64 gets {@code amd64_arm64}, the 64-bit-hosted tools, never {@code x86_arm64}.
     *
     * @param hostArch   the host's architecture family ({@link TargetTriple#archFamily()})
     * @param targetArch the target's architecture family
     */
    public static Optional<String> vcvarsallArgument(String hostArch, String targetArch) {
        Optional<String> host = vcvarsArch(hostArch).filter(h -> !h.equals("arm"));
        Optional<String> target = vcvarsArch(targetArch);
        if (host.isEmpty() || target.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(host.get().equals(target.get()) ? target.get() : host.get() + "_" + target.get());
    }

    /** The value vcvarsall leaves in {@code VSCMD_ARG_TGT_ARCH} for a target: x64, x86, arm64, arm. */
    public static Optional<String> targetArchVariable(String targetArch) {
        return vcvarsArch(targetArch).map(a -> a.equals("amd64") ? "x64" : a);
    }

    /** The Visual Studio component holding the C/C++ tools for a target architecture. */
    public static Optional<String> component(String targetArch) {
        return Optional.ofNullable(switch (targetArch) {
            case "x86_64", "x86" -> "Microsoft.VisualStudio.Component.VC.Tools.x86.x64";
            case "aarch64" -> "Microsoft.VisualStudio.Component.VC.Tools.ARM64";
            case "arm" -> "Microsoft.VisualStudio.Component.VC.Tools.ARM";
            default -> null;
        });
    }

    /** The vswhere arguments that list the instances having a component, as JSON in UTF-8 (vswhere 305). */
    public static List<String> vswhereArguments(String component) {
        // -products * includes Build Tools, which the default product list leaves out
        return List.of("-utf8", "-format", "json", "-products", "*", "-requires", component);
    }

    /** Parses vswhere's JSON output. */
    public static List<Instance> parseInstances(String json) {
        List<Instance> instances = new ArrayList<>();
        JsonElement root = JsonParser.parseString(json.isBlank() ? "[]" : json.strip());
        JsonArray array = root.isJsonArray() ? root.getAsJsonArray() : new JsonArray();
        for (JsonElement element : array) {
            if (!element.isJsonObject()) {
                continue;
            }
            JsonObject o = element.getAsJsonObject();
            String path = string(o, "installationPath");
            if (path == null || path.isBlank()) {
                continue;
            }
            instances.add(new Instance(path, string(o, "installationVersion"), string(o, "displayName"),
                    string(o, "productId"), o.has("isPrerelease") && o.get("isPrerelease").getAsBoolean()));
        }
        return instances;
    }

    /** The newest release instance, or the newest prerelease when there is no release. */
    public static Optional<Instance> newest(List<Instance> instances) {
        Comparator<Instance> byVersion = Comparator.comparing(i -> versionKey(i.installationVersion()),
                VisualStudio::compareVersions);
        Comparator<Instance> order = Comparator.<Instance, Boolean>comparing(i -> !i.prerelease()).thenComparing(
                byVersion);
        return instances.stream().max(order);
    }

    /** Whether a {@code <vcvars>} value is a bare script name to look up in the Visual Studio scripts folder. */
    public static boolean isBareScriptName(String vcvars) {
        return !vcvars.contains("/") && !vcvars.contains("\\") && vcvars.toLowerCase(java.util.Locale.ROOT)
                .matches("vcvars[a-z0-9_]*\\.bat");
    }

    /** The vswhere program below {@code %ProgramFiles(x86)%}. */
    public static Path vswhereBelow(String programFilesX86) {
        return Path.of(programFilesX86, VSWHERE_BELOW_PROGRAM_FILES.split("\\\\"));
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    private static int[] versionKey(String version) {
        if (version == null) {
            return new int[0];
        }
        String[] parts = version.split("\\.");
        int[] key = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                key[i] = Integer.parseInt(parts[i].replaceAll("\\D.*", ""));
            } catch (NumberFormatException e) {
                key[i] = 0;
            }
        }
        return key;
    }

    private static int compareVersions(int[] a, int[] b) {
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            int c = Integer.compare(i < a.length ? a[i] : 0, i < b.length ? b[i] : 0);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
