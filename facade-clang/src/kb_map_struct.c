/* kb_map_struct.c — the kernel struct behind each map type (the map ops'
 * map_btf_id: BTF_ID_LIST_SINGLE(array_map_btf_ids, struct, bpf_array) and
 * its siblings in kernel/bpf/), the same on every shipped kernel: what a
 * program reads through a map's own pointer. Map types not listed here are
 * not modelled (the caller ends in `error`). */
#include <stddef.h>
#include <stdint.h>

#include "kb_map_struct.h"

const char *bvf_kb_map_struct_name(uint32_t map_type)
{
	switch (map_type) {
	case 2:  /* array */
	case 3:  /* prog_array */
	case 4:  /* perf_event_array */
	case 6:  /* percpu_array */
	case 8:  /* cgroup_array */
	case 12: /* array_of_maps */
		return "bpf_array";
	case 1:  /* hash */
	case 5:  /* percpu_hash */
	case 9:  /* lru_hash */
	case 10: /* lru_percpu_hash */
	case 13: /* hash_of_maps */
		return "bpf_htab";
	case 11: /* lpm_trie */
		return "lpm_trie";
	case 27: /* ringbuf */
		return "bpf_ringbuf_map";
	default:
		return NULL;
	}
}
