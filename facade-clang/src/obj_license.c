/* obj_license.c — is a license string GPL-compatible, as the kernel
 * decides it (license_is_gpl_compatible() in include/linux/license.h):
 * an exact match against a short list. GPL-only helpers depend on it.
 */
#include <string.h>

#include "bvf_internal.h"

bool bvf_license_is_gpl(const char *license)
{
	static const char *const gpl[] = {
		"GPL",
		"GPL v2",
		"GPL and additional rights",
		"Dual BSD/GPL",
		"Dual MIT/GPL",
		"Dual MPL/GPL",
	};

	if (!license)
		return false;
	for (size_t i = 0; i < sizeof(gpl) / sizeof(gpl[0]); i++)
		if (strcmp(license, gpl[i]) == 0)
			return true;
	return false;
}
