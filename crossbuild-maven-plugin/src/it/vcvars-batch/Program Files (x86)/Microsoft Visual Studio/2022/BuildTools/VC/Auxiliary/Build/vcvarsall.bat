@echo off
rem A Visual-Studio-like vcvarsall.bat: takes the arch argument, sets the variables the real one sets,
rem and like the real one reports a bad argument with an [ERROR:...] line while exiting 0.
rem Saved in code page 437, as cmd reads batch files in the OEM code page.
echo ran %*>> "%~dp0runs.txt"
set "__TGT="
if /i "%~1"=="x64" set "__TGT=x64"
if /i "%~1"=="amd64" set "__TGT=x64"
if /i "%~1"=="x64_arm64" set "__TGT=arm64"
if /i "%~1"=="amd64_arm64" set "__TGT=arm64"
if "%__TGT%"=="" goto usage
set "VSINSTALLDIR=%~dp0..\..\..\"
set "VCINSTALLDIR=C:\Program Files (x86)\Microsoft Visual Studio\2022\BuildTools\VC\"
set "VSCMD_ARG_TGT_ARCH=%__TGT%"
set "VSCMD_ARG_HOST_ARCH=x64"
set "INCLUDE=C:\Program Files (x86)\VS\include;C:\VS\ucrt"
set "LIB=C:\VS\lib\%__TGT%"
set "PATH=C:\VS\bin\Host%VSCMD_ARG_HOST_ARCH%\%__TGT%;%PATH%"
set "IT_ODD=a=b=c%%d&e!f^g (x86) %IT_CITY% Ž™á"
set "__TGT="
exit /b 0
:usage
echo [ERROR:vcvarsall.bat] Invalid argument found : %~1
echo [ERROR:vcvarsall.bat] Error in script usage. The correct usage is: vcvarsall.bat [arch]
set "__TGT="
exit /b 0
