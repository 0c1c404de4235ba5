// Declarations only (see include/CFuzzerDriver.h); libFuzzer is linked by -sanitize=fuzzer.
#include "CFuzzerDriver.h"
