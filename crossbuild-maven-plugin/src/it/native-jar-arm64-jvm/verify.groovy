import static dev.crossbuild.it.ItSupport.*
import static dev.crossbuild.it.NativeJarItSupport.*

def log = buildLog(basedir)
noStackTrace(log)
def target = new File(basedir, 'target')
def jar = new File(target, 'native-jar-arm64-jvm-1.0-linux-aarch_64.jar')
check(jar.isFile(), "no native JAR ${jar}")
checkLibraries(jar, 'hello', 'linux-aarch_64', new File(target, 'it-check'), 'ELF 64-bit LSB', 'aarch64')

// Debian's arm64 JVM under qemu-aarch64, without -L: the loader detects linux-aarch_64, extracts the library, and the
// JNI method that starts a thread returns what the thread computed
def java = new File("${jreArm64}/usr/lib/jvm/java-17-openjdk-arm64/bin/java")
def loader = repositoryJar(localRepositoryPath, 'dev.crossbuild', 'crossbuild-native-loader')
def cp = classPath(new File(target, 'native-jar-arm64-jvm-1.0.jar'), jar, loader)
def out = run(['qemu-aarch64', java.path, cacheProperty(basedir, 'arm64'), '-cp', cp, 'dev.crossbuild.it.hello.Hello'],
        basedir)
contains(out, 'add=42 sumInThread=5050 machine=183 os.arch=aarch64')
return true
