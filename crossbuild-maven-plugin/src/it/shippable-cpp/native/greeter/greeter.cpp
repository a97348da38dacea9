#include <sstream>
#include <string>

// C++ with the standard library: the program that links this needs the C++ runtime at run time.
extern "C" const char *greeting(int times) {
    static std::string text;
    std::ostringstream out;
    for (int i = 0; i < times; i++) {
        out << (i == 0 ? "" : " ") << "hello";
    }
    text = out.str() + " x" + std::to_string(times);
    return text.c_str();
}
