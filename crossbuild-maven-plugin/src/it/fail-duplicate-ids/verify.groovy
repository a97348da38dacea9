import static dev.crossbuild.it.ItSupport.*

def log = buildLog(basedir)
noStackTrace(log)
contains(log, '<target><id>linux-x64</id> is declared twice in <targets>; target ids must be unique')
check(!new File(basedir, 'target/crossbuild/targets/linux-x64').exists(), 'something was built')
return true
