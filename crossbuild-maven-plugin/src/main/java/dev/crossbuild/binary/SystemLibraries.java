package dev.crossbuild.binary;

import dev.crossbuild.model.TargetTriple;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The libraries every machine of a platform has, so a binary may need them without shipping them (the idea of
 * manylinux's and auditwheel's allowed lists), as pure functions of the triple and the library name:
 * <ul>
 *   <li>Windows: the system DLLs, {@code api-ms-win-*}/{@code ext-ms-win-*} API sets and the Universal CRT
 *       ({@code ucrtbase.dll}, {@code api-ms-win-crt-*}); not the Visual C++ runtime ({@code VCRUNTIME140.dll},
 *       {@code MSVCP140.dll}), nor MinGW's {@code libstdc++-6.dll}, {@code libgcc_s_*.dll},
 *       {@code libwinpthread-1.dll};</li>
 *   <li>Linux gnu: the glibc family (loader, {@code libc}, {@code libm}, {@code libpthread}, {@code libdl},
 *       {@code librt}, {@code libutil}, {@code libresolv}…) plus {@code libgcc_s.so.1} and
 *       {@code libstdc++.so.6}; Linux musl: only the musl loader and libc;</li>
 *   <li>macOS: {@code /usr/lib/…} (libSystem, libc++, libobjc…) and {@code /System/…} frameworks;</li>
 *   <li>WebAssembly: for WASI preview 1 targets only the module {@code wasi_snapshot_preview1}, which every WASI
 *       runtime (wasmtime, node, the plugin's own) provides; for other wasm targets ({@code wasm32-unknown-unknown})
 *       the embedder defines the imports, so every module counts as provided.</li>
 * </ul>
 */
public final class SystemLibraries {

    private static final Set<String> WINDOWS = Set.of("kernel32.dll", "user32.dll", "gdi32.dll", "advapi32.dll",
            "shell32.dll", "ole32.dll", "oleaut32.dll", "ws2_32.dll", "bcrypt.dll", "bcryptprimitives.dll",
            "ntdll.dll", "userenv.dll", "msvcrt.dll", "crypt32.dll", "secur32.dll", "comctl32.dll", "comdlg32.dll",
            "shlwapi.dll", "winmm.dll", "version.dll", "iphlpapi.dll", "dbghelp.dll", "psapi.dll", "setupapi.dll",
            "cfgmgr32.dll", "imm32.dll", "uxtheme.dll", "dwmapi.dll", "dxgi.dll", "d3d11.dll", "d3d12.dll",
            "d2d1.dll", "dwrite.dll", "opengl32.dll", "winhttp.dll", "wininet.dll", "powrprof.dll", "propsys.dll",
            "rpcrt4.dll", "sspicli.dll", "netapi32.dll", "mpr.dll", "normaliz.dll", "credui.dll", "ncrypt.dll",
            "hid.dll", "winspool.drv", "wtsapi32.dll", "mswsock.dll", "dnsapi.dll", "ucrtbase.dll", "shcore.dll",
            "windowscodecs.dll", "wintrust.dll", "msimg32.dll", "oleacc.dll", "urlmon.dll", "usp10.dll",
            "synchronization.dll", "kernelbase.dll", "winusb.dll", "rstrtmgr.dll", "msi.dll");
    private static final Pattern GLIBC = Pattern.compile("ld-linux[-.\\w]*\\.so\\.\\d+|ld64\\.so\\.\\d+|ld\\.so\\.\\d+"
            + "|linux-(vdso|gate)\\.so\\.1|lib(c|m|dl|pthread|rt|util|resolv|anl|nsl|mvec|BrokenLocale)\\.so\\.\\d+"
            + "|libgcc_s\\.so\\.1|libstdc\\+\\+\\.so\\.6");
    private static final Pattern MUSL = Pattern.compile("ld-musl-[\\w]+\\.so\\.1|libc\\.so");

    /** The module every WASI preview 1 runtime provides. */
    public static final String WASI_PREVIEW1 = "wasi_snapshot_preview1";

    private SystemLibraries() {
    }

    public static boolean isSystem(TargetTriple triple, String library) {
        if (triple.isWasm()) {
            return !triple.isWasiPreview1() || library.equals(WASI_PREVIEW1);
        }
        if (triple.isWindows()) {
            String name = library.toLowerCase(Locale.ROOT);
            return WINDOWS.contains(name) || name.startsWith("api-ms-win-") || name.startsWith("ext-ms-win-");
        }
        if (triple.isApple()) {
            return library.startsWith("/usr/lib/") || library.startsWith("/System/");
        }
        String name = library.contains("/") ? library.substring(library.lastIndexOf('/') + 1) : library;
        return triple.env().startsWith("musl") ? MUSL.matcher(name).matches() : GLIBC.matcher(name).matches();
    }

    /** The C runtime DLLs that {@code -C target-feature=+crt-static} keeps out of an MSVC binary. */
    public static boolean isDynamicCrt(String library) {
        String name = library.toLowerCase(Locale.ROOT);
        return name.startsWith("vcruntime") || name.startsWith("msvcp") || name.equals("ucrtbase.dll")
                || name.startsWith("api-ms-win-crt-");
    }
}
