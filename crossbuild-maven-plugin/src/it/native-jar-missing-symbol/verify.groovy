import static dev.crossbuild.it.ItSupport.*
import static dev.crossbuild.it.NativeJarItSupport.*

def log = buildLog(basedir)
noStackTrace(log)
def host = 'x86_64-unknown-linux-gnu'
def first = log.indexOf('BUILD FAILURE')
check(first > 0, "the first build did not fail:\n${log}")
def failed = log.substring(0, log.indexOf('BUILD', first + 1) > 0 ? log.indexOf('BUILD', first + 1) : log.length())
// one failure, naming the target, the method and the symbol it lacks; the method that links is not named
contains(failed, 'native-jar: the JNI check found 3 native methods the libraries do not link')
contains(failed, "target `${host}`: native method `")
contains(failed, 'has no symbol `Java_dev_crossbuild_it_missing_Lib_twice`')
contains(failed, 'liblib_missing.so')
check(!failed.contains('Java_dev_crossbuild_it_missing_Lib_add'), 'the linked method was reported')
contains(failed, '-Dcrossbuild.jniCheck=false')
// the overloads: the short name alone is a miss for each, naming the long names to export
['Java_dev_crossbuild_it_missing_Lib_f__I', 'Java_dev_crossbuild_it_missing_Lib_f__Ljava_lang_String_2'].each { longName ->
  contains(failed, "is overloaded, so it needs its long name `${longName}`, but liblib_missing.so exports the short name"
      + ' `Java_dev_crossbuild_it_missing_Lib_f`, which the JVM looks up first and binds every overload of `f` to')
}

// with JNI_OnLoad: a warning naming the same symbol, and the JAR
def second = log.substring(first)
check((second =~ /\[WARNING\] target `${host}`: native method `[^`]+` has no symbol `Java_dev_crossbuild_it_missing_Lib_twice`/).find(),
    "no warning for the method without a symbol:\n${second}")
contains(second, 'exports JNI_OnLoad, which may register it at run time')
check(log.count('BUILD SUCCESS') == 2, 'the second and third builds did not succeed')
// the fourth: <platform>linux-aarch_64</platform> on an x86_64 target, named with the key to use
def last = log.substring(log.lastIndexOf('BUILD SUCCESS'))
contains(last, 'BUILD FAILURE')
contains(last, '<target><id>linux-x64</id> (x86_64-unknown-linux-gnu) has <platform>linux-aarch_64</platform>, but the loader'
    + ' picks that key on a linux aarch_64 JVM, and this target\'s libraries are for linux-x86_64; use <platform>linux-x86_64</platform>')
check(!new File(basedir, 'target/native-jar-missing-symbol-1.0-linux-aarch_64.jar').exists(), 'a JAR under the wrong key')
def jar = new File(basedir, 'target/native-jar-missing-symbol-1.0-linux-x86_64.jar')
check(jar.isFile(), "no JAR ${jar}")
check(entries(jar).contains('META-INF/native/native-jar-missing-symbol/linux-x86_64/liblib_missing.so'), "${entries(jar)}")
return true
