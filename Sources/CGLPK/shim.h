#ifndef ZENTRAL_CGLPK_SHIM_H
#define ZENTRAL_CGLPK_SHIM_H
#include <glpk.h>
#endif
