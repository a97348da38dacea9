// zig on PATH and Debian's rustc-web with its library sources as the rustup toolchain `web`, and a wine without
// ProcessPrng (wine 8, as .ci/run installs it): from wine 9 on the tests would start and there is nothing to show,
// which strict mode reports as a failure of the scenario rather than hiding it
import static dev.crossbuild.it.ItSupport.*
if (!requireTools(strict, 'wine-missing-import', 'cargo', 'zig', 'toolchain:web', 'wine', 'llvm-objdump')) {
  return false
}
def version = ['wine', '--version'].execute().text.trim()
def major = (version =~ /wine-(\d+)/).with { it.find() ? it.group(1) as int : 0 }
if (major >= 9 && !Boolean.parseBoolean(String.valueOf(strict))) {
  console("[crossbuild-it] SKIPPED wine-missing-import: ${version} provides ProcessPrng")
  return false
}
return true
