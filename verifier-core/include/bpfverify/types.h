/* bpfverify/types.h — the vocabulary shared by the core and its facade:
 * register (pointer) types, helper argument and return kinds, program and
 * map types.
 *
 * Program and map type numbers are the kernel's UAPI values, so a facade can
 * pass them through unchanged. Register, argument and return kinds follow the
 * kernel verifier's model (a base type plus flag bits) because messages print
 * them by the kernel's names.
 */
#ifndef BPFVERIFY_TYPES_H
#define BPFVERIFY_TYPES_H

#include <stdint.h>

/* Base register types; the low 8 bits of a bv_reg_type value. */
enum bv_reg_base {
	BV_NOT_INIT = 0,
	BV_SCALAR,
	BV_PTR_TO_CTX,
	BV_CONST_PTR_TO_MAP,
	BV_PTR_TO_MAP_VALUE,
	BV_PTR_TO_MAP_KEY,
	BV_PTR_TO_STACK,
	BV_PTR_TO_PACKET_META,
	BV_PTR_TO_PACKET,
	BV_PTR_TO_PACKET_END,
	BV_PTR_TO_FLOW_KEYS,
	BV_PTR_TO_SOCKET,
	BV_PTR_TO_SOCK_COMMON,
	BV_PTR_TO_TCP_SOCK,
	BV_PTR_TO_TP_BUFFER,
	BV_PTR_TO_XDP_SOCK,
	BV_PTR_TO_BTF_ID,
	BV_PTR_TO_MEM,
	BV_PTR_TO_ARENA,
	BV_PTR_TO_BUF,
	BV_PTR_TO_FUNC,
	BV_CONST_PTR_TO_DYNPTR,
	BV_REG_BASE_MAX,
};

/* Flag bits above the base type (kernel: enum bpf_type_flag). */
#define BV_BASE_TYPE_BITS 8
#define BV_PTR_MAYBE_NULL  (1u << (0 + BV_BASE_TYPE_BITS))
#define BV_MEM_RDONLY      (1u << (1 + BV_BASE_TYPE_BITS))
#define BV_MEM_RINGBUF     (1u << (2 + BV_BASE_TYPE_BITS))
#define BV_MEM_USER        (1u << (3 + BV_BASE_TYPE_BITS))
#define BV_MEM_PERCPU      (1u << (4 + BV_BASE_TYPE_BITS))
#define BV_OBJ_RELEASE     (1u << (5 + BV_BASE_TYPE_BITS))
#define BV_PTR_UNTRUSTED   (1u << (6 + BV_BASE_TYPE_BITS))
#define BV_MEM_UNINIT      (1u << (7 + BV_BASE_TYPE_BITS))
#define BV_DYNPTR_TYPE_LOCAL (1u << (8 + BV_BASE_TYPE_BITS))
#define BV_MEM_FIXED_SIZE  (1u << (9 + BV_BASE_TYPE_BITS))
#define BV_MEM_ALLOC       (1u << (10 + BV_BASE_TYPE_BITS))
#define BV_PTR_TRUSTED     (1u << (11 + BV_BASE_TYPE_BITS))
#define BV_MEM_RCU         (1u << (12 + BV_BASE_TYPE_BITS))
#define BV_NON_OWN_REF     (1u << (13 + BV_BASE_TYPE_BITS))
#define BV_MEM_WRITE       (1u << (14 + BV_BASE_TYPE_BITS))
#define BV_MEM_ALIGNED     (1u << (15 + BV_BASE_TYPE_BITS)) /* fixed-size helper memory naturally aligned */
/* The kind of dynptr an argument wants, or a slice's memory came from
 * (kernel: DYNPTR_TYPE_RINGBUF, _SKB, _XDP; LOCAL above). */
#define BV_DYNPTR_TYPE_RINGBUF (1u << (16 + BV_BASE_TYPE_BITS))
#define BV_DYNPTR_TYPE_SKB     (1u << (17 + BV_BASE_TYPE_BITS))
#define BV_DYNPTR_TYPE_XDP     (1u << (18 + BV_BASE_TYPE_BITS))
#define BV_DYNPTR_TYPE_MASK (BV_DYNPTR_TYPE_LOCAL | BV_DYNPTR_TYPE_RINGBUF | \
			     BV_DYNPTR_TYPE_SKB | BV_DYNPTR_TYPE_XDP)

typedef uint32_t bv_reg_type;   /* enum bv_reg_base | flags */
#define BV_BASE_TYPE(t) ((t) & ((1u << BV_BASE_TYPE_BITS) - 1))

/* Helper argument kinds (kernel: enum bpf_arg_type), combined with the
 * flags above (BV_PTR_MAYBE_NULL, BV_MEM_RDONLY, BV_MEM_UNINIT, …). */
enum bv_arg_base {
	BV_ARG_DONTCARE = 0,
	BV_ARG_CONST_MAP_PTR,
	BV_ARG_PTR_TO_MAP_KEY,
	BV_ARG_PTR_TO_MAP_VALUE,
	BV_ARG_PTR_TO_MEM,
	BV_ARG_PTR_TO_ARENA,
	BV_ARG_CONST_SIZE,
	BV_ARG_CONST_SIZE_OR_ZERO,
	BV_ARG_PTR_TO_CTX,
	BV_ARG_ANYTHING,
	BV_ARG_PTR_TO_SPIN_LOCK,
	BV_ARG_PTR_TO_SOCK_COMMON,
	BV_ARG_PTR_TO_SOCKET,
	BV_ARG_PTR_TO_BTF_ID,
	BV_ARG_PTR_TO_RINGBUF_MEM,
	BV_ARG_CONST_ALLOC_SIZE_OR_ZERO,
	BV_ARG_PTR_TO_BTF_ID_SOCK_COMMON,
	BV_ARG_PTR_TO_PERCPU_BTF_ID,
	BV_ARG_PTR_TO_FUNC,
	BV_ARG_PTR_TO_STACK,
	BV_ARG_PTR_TO_CONST_STR,
	BV_ARG_PTR_TO_TIMER,
	BV_ARG_KPTR_XCHG_DEST,
	BV_ARG_PTR_TO_DYNPTR,
	BV_ARG_BASE_MAX,
};
typedef uint32_t bv_arg_type;   /* enum bv_arg_base | flags */

/* Helper return kinds (kernel: enum bpf_return_type), with flags. */
enum bv_ret_base {
	BV_RET_INTEGER = 0,
	BV_RET_VOID,
	BV_RET_PTR_TO_MAP_VALUE,
	BV_RET_PTR_TO_SOCKET,
	BV_RET_PTR_TO_TCP_SOCK,
	BV_RET_PTR_TO_SOCK_COMMON,
	BV_RET_PTR_TO_MEM,          /* size from mem_size or a CONST_ALLOC_SIZE arg */
	BV_RET_PTR_TO_MEM_OR_BTF_ID,
	BV_RET_PTR_TO_BTF_ID,
	BV_RET_BASE_MAX,
};
typedef uint32_t bv_ret_type;   /* enum bv_ret_base | flags */

/* A helper's prototype, as the target kernel declares it. */
struct bv_helper_proto {
	const char *name;           /* "bpf_map_lookup_elem" */
	int32_t func_id;
	bv_ret_type ret_type;
	bv_arg_type arg_type[5];
	uint32_t ret_mem_size;      /* for BV_RET_PTR_TO_MEM with fixed size */
	uint32_t ret_btf_id;        /* for BV_RET_PTR_TO_BTF_ID */
	uint32_t arg_btf_id[5];     /* for BV_ARG_PTR_TO_BTF_ID */
	uint8_t gpl_only;
	uint8_t pkt_access;         /* may be passed packet pointers */
	uint8_t might_sleep;
	uint8_t changes_pkt_data;   /* invalidates packet pointers */
	uint8_t acquires_ref;       /* returns a referenced object */
	uint32_t arg_size[5];       /* for BV_ARG_PTR_TO_MEM | BV_MEM_FIXED_SIZE */
	/* the kernel's fn->allowed() says no for this program (bpf_d_path
	 * outside its allow-list): "helper call is not allowed in probe" */
	uint8_t not_allowed;
};

/* Program types: the kernel's enum bpf_prog_type values. */
enum bv_prog_type {
	BV_PROG_TYPE_UNSPEC = 0,
	BV_PROG_TYPE_SOCKET_FILTER = 1,
	BV_PROG_TYPE_KPROBE = 2,
	BV_PROG_TYPE_SCHED_CLS = 3,
	BV_PROG_TYPE_SCHED_ACT = 4,
	BV_PROG_TYPE_TRACEPOINT = 5,
	BV_PROG_TYPE_XDP = 6,
	BV_PROG_TYPE_PERF_EVENT = 7,
	BV_PROG_TYPE_CGROUP_SKB = 8,
	BV_PROG_TYPE_CGROUP_SOCK = 9,
	BV_PROG_TYPE_LWT_IN = 10,
	BV_PROG_TYPE_LWT_OUT = 11,
	BV_PROG_TYPE_LWT_XMIT = 12,
	BV_PROG_TYPE_SOCK_OPS = 13,
	BV_PROG_TYPE_SK_SKB = 14,
	BV_PROG_TYPE_CGROUP_DEVICE = 15,
	BV_PROG_TYPE_SK_MSG = 16,
	BV_PROG_TYPE_RAW_TRACEPOINT = 17,
	BV_PROG_TYPE_CGROUP_SOCK_ADDR = 18,
	BV_PROG_TYPE_LWT_SEG6LOCAL = 19,
	BV_PROG_TYPE_LIRC_MODE2 = 20,
	BV_PROG_TYPE_SK_REUSEPORT = 21,
	BV_PROG_TYPE_FLOW_DISSECTOR = 22,
	BV_PROG_TYPE_CGROUP_SYSCTL = 23,
	BV_PROG_TYPE_RAW_TRACEPOINT_WRITABLE = 24,
	BV_PROG_TYPE_CGROUP_SOCKOPT = 25,
	BV_PROG_TYPE_TRACING = 26,
	BV_PROG_TYPE_STRUCT_OPS = 27,
	BV_PROG_TYPE_EXT = 28,
	BV_PROG_TYPE_LSM = 29,
	BV_PROG_TYPE_SK_LOOKUP = 30,
	BV_PROG_TYPE_SYSCALL = 31,
	BV_PROG_TYPE_NETFILTER = 32,
};

/* Map types: the kernel's enum bpf_map_type values (those the core
 * treats specially; a facade may pass any value). */
enum bv_map_type {
	BV_MAP_TYPE_HASH = 1,
	BV_MAP_TYPE_ARRAY = 2,
	BV_MAP_TYPE_PROG_ARRAY = 3,
	BV_MAP_TYPE_PERF_EVENT_ARRAY = 4,
	BV_MAP_TYPE_PERCPU_HASH = 5,
	BV_MAP_TYPE_PERCPU_ARRAY = 6,
	BV_MAP_TYPE_STACK_TRACE = 7,
	BV_MAP_TYPE_CGROUP_ARRAY = 8,
	BV_MAP_TYPE_LRU_HASH = 9,
	BV_MAP_TYPE_LRU_PERCPU_HASH = 10,
	BV_MAP_TYPE_LPM_TRIE = 11,
	BV_MAP_TYPE_ARRAY_OF_MAPS = 12,
	BV_MAP_TYPE_HASH_OF_MAPS = 13,
	BV_MAP_TYPE_DEVMAP = 14,
	BV_MAP_TYPE_SOCKMAP = 15,
	BV_MAP_TYPE_CPUMAP = 16,
	BV_MAP_TYPE_XSKMAP = 17,
	BV_MAP_TYPE_SOCKHASH = 18,
	BV_MAP_TYPE_CGROUP_STORAGE = 19,
	BV_MAP_TYPE_REUSEPORT_SOCKARRAY = 20,
	BV_MAP_TYPE_PERCPU_CGROUP_STORAGE = 21,
	BV_MAP_TYPE_QUEUE = 22,
	BV_MAP_TYPE_STACK = 23,
	BV_MAP_TYPE_SK_STORAGE = 24,
	BV_MAP_TYPE_DEVMAP_HASH = 25,
	BV_MAP_TYPE_STRUCT_OPS = 26,
	BV_MAP_TYPE_RINGBUF = 27,
	BV_MAP_TYPE_INODE_STORAGE = 28,
	BV_MAP_TYPE_TASK_STORAGE = 29,
	BV_MAP_TYPE_BLOOM_FILTER = 30,
	BV_MAP_TYPE_USER_RINGBUF = 31,
	BV_MAP_TYPE_CGRP_STORAGE = 32,
	BV_MAP_TYPE_ARENA = 33,
};

#endif
