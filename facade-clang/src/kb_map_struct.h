/* kb_map_struct.h — the kernel struct a map type is (kb_map_struct.c). */
#ifndef BVF_KB_MAP_STRUCT_H
#define BVF_KB_MAP_STRUCT_H

#include <stdint.h>

/* "bpf_array" for BPF_MAP_TYPE_ARRAY; NULL when not modelled. */
const char *bvf_kb_map_struct_name(uint32_t map_type);

#endif
