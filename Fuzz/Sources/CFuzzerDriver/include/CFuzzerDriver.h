// libFuzzer's entry point for programs with their own main (compiler-rt's FuzzerInterface.h).
// SwiftPM links an executable's main under a renamed symbol (`<Target>_main`), so the fuzz
// targets keep Swift's `@main` and hand control to libFuzzer from there.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
