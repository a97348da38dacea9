import static dev.crossbuild.it.ItSupport.*

def log = buildLog(basedir)
noStackTrace(log)
contains(log, 'the build is not reproducible: built again in ')
check((log =~ /target `linux-x64`: reproducible-time-1\.0-linux-x64\.tar\.gz differs: first differing file reproducible-time-1\.0-linux-x64\/stamped at offset \d+ \(0x[0-9a-f]+\)/).find(),
        'the difference is not named')
return true
