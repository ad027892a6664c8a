/* features.c — names of the kernel behaviours of bpfverify/features.h, so
 * that profiles can list them as data. */
#include <string.h>

#include "bpfverify/features.h"

static const char *const names[BV_FEAT_COUNT] = {
#define BV_FEATURE_NAME(e, n, d) [BV_FEAT_##e] = n,
	BV_FEATURES(BV_FEATURE_NAME)
#undef BV_FEATURE_NAME
};

static const char *const descriptions[BV_FEAT_COUNT] = {
#define BV_FEATURE_DESC(e, n, d) [BV_FEAT_##e] = d,
	BV_FEATURES(BV_FEATURE_DESC)
#undef BV_FEATURE_DESC
};

const char *bv_feature_name(enum bv_feature f)
{
	return (unsigned)f < BV_FEAT_COUNT ? names[f] : NULL;
}

const char *bv_feature_description(enum bv_feature f)
{
	return (unsigned)f < BV_FEAT_COUNT ? descriptions[f] : NULL;
}

int bv_feature_by_name(const char *name)
{
	for (int i = 0; name && i < BV_FEAT_COUNT; i++)
		if (strcmp(names[i], name) == 0)
			return i;
	return -1;
}
