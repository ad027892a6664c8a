/* kb_helpers.c — BPF helper prototypes and their availability per program
 * type, as Linux 6.18 defines them.
 *
 * Three kinds of facts, all declarative:
 *  - prototypes (the kernel's `const struct bpf_func_proto bpf_xxx_proto`),
 *    rewritten in our bv_helper_proto encoding, for the helpers modelled;
 *  - availability: the kernel's get_func_proto chains. A program type first
 *    asks its own function (sk_filter_func_proto, tc_cls_act_func_proto,
 *    kprobe_prog_func_proto, …), which falls back to a shared level
 *    (bpf_sk_base_func_proto for networking types, bpf_tracing_func_proto
 *    for tracing types), which falls back to bpf_base_func_proto with its
 *    capability tiers (always; CAP_BPF; CAP_BPF and CAP_PERFMON). Each
 *    level is a list of ids with the capability it needs;
 *  - map/helper compatibility (kernel: check_map_func_compatibility).
 *
 * The privileged availability lists were checked against the live 6.18
 * kernel of this project's machine: every helper id was loaded as root into
 * each modelled program type ("program of this type cannot use helper"
 * means unavailable), and the GPL flags were observed the same way with a
 * non-GPL license. Helpers a kernel config leaves out on that machine
 * (bpf_override_return: CONFIG_BPF_KPROBE_OVERRIDE) are absent here too.
 */
#include <errno.h>
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

#include <linux/bpf.h>

#include "kb.h"
#include "kb_cgroup.h"
#include "kb_net.h"

/* Ids newer than some installed UAPI headers. */
#define KB_FUNC_cgrp_storage_get    210
#define KB_FUNC_cgrp_storage_delete 211

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* ---- argument and return kinds as the kernel composes them ---- */
#define ARG_PTR_TO_UNINIT_MEM   (BV_ARG_PTR_TO_MEM | BV_MEM_UNINIT | BV_MEM_WRITE)
#define ARG_PTR_TO_RDONLY_MEM   (BV_ARG_PTR_TO_MEM | BV_MEM_RDONLY)
#define ARG_PTR_TO_MEM_OR_NULL  (BV_ARG_PTR_TO_MEM | BV_PTR_MAYBE_NULL)
#define ARG_PTR_TO_STACK_OR_NULL (BV_ARG_PTR_TO_STACK | BV_PTR_MAYBE_NULL)
#define RET_MAP_VALUE_OR_NULL   (BV_RET_PTR_TO_MAP_VALUE | BV_PTR_MAYBE_NULL)
#define RET_RINGBUF_MEM_OR_NULL (BV_RET_PTR_TO_MEM | BV_MEM_RINGBUF | BV_PTR_MAYBE_NULL)

#define PROTO(id, ...) { .name = "bpf_" #id, .func_id = BPF_FUNC_##id, __VA_ARGS__ }

/* ---- prototypes (6.18) ----
 * Variants the kernel keeps for one id (bpf_perf_event_output_proto,
 * _raw_tp, bpf_skb_event_output_proto, bpf_xdp_event_output_proto) are
 * identical in this encoding and share one entry; the one that differs
 * (bpf_get_stackid_proto_pe: not GPL-only) has its own below. */
static const struct bv_helper_proto protos[] = {
	/* kernel/bpf/helpers.c: maps */
	PROTO(map_lookup_elem, .pkt_access = 1, .ret_type = RET_MAP_VALUE_OR_NULL,
	      .arg_type = { BV_ARG_CONST_MAP_PTR, BV_ARG_PTR_TO_MAP_KEY }),
	PROTO(map_update_elem, .pkt_access = 1, .ret_type = BV_RET_INTEGER,
	      .arg_type = { BV_ARG_CONST_MAP_PTR, BV_ARG_PTR_TO_MAP_KEY,
			    BV_ARG_PTR_TO_MAP_VALUE, BV_ARG_ANYTHING }),
	PROTO(map_delete_elem, .pkt_access = 1, .ret_type = BV_RET_INTEGER,
	      .arg_type = { BV_ARG_CONST_MAP_PTR, BV_ARG_PTR_TO_MAP_KEY }),
	PROTO(map_push_elem, .pkt_access = 1, .ret_type = BV_RET_INTEGER,
	      .arg_type = { BV_ARG_CONST_MAP_PTR, BV_ARG_PTR_TO_MAP_VALUE,
			    BV_ARG_ANYTHING }),
	PROTO(map_pop_elem, .ret_type = BV_RET_INTEGER,
	      .arg_type = { BV_ARG_CONST_MAP_PTR,
			    BV_ARG_PTR_TO_MAP_VALUE | BV_MEM_UNINIT | BV_MEM_WRITE }),
	PROTO(map_peek_elem, .ret_type = BV_RET_INTEGER,
	      .arg_type = { BV_ARG_CONST_MAP_PTR,
			    BV_ARG_PTR_TO_MAP_VALUE | BV_MEM_UNINIT | BV_MEM_WRITE }),
	PROTO(map_lookup_percpu_elem, .pkt_access = 1, .ret_type = RET_MAP_VALUE_OR_NULL,
	      .arg_type = { BV_ARG_CONST_MAP_PTR, BV_ARG_PTR_TO_MAP_KEY,
			    BV_ARG_ANYTHING }),
	/* kernel/bpf/ringbuf.c */
	PROTO(ringbuf_output, .ret_type = BV_RET_INTEGER,
	      .arg_type = { BV_ARG_CONST_MAP_PTR, ARG_PTR_TO_RDONLY_MEM,
			    BV_ARG_CONST_SIZE_OR_ZERO, BV_ARG_ANYTHING }),
	/* The reserved record is a reference the program must release. */
	PROTO(ringbuf_reserve, .acquires_ref = 1, .ret_type = RET_RINGBUF_MEM_OR_NULL,
	      .arg_type = { BV_ARG_CONST_MAP_PTR, BV_ARG_CONST_ALLOC_SIZE_OR_ZERO,
			    BV_ARG_ANYTHING }),
	PROTO(ringbuf_submit, .ret_type = BV_RET_VOID,
	      .arg_type = { BV_ARG_PTR_TO_RINGBUF_MEM | BV_OBJ_RELEASE, BV_ARG_ANYTHING }),
	PROTO(ringbuf_discard, .ret_type = BV_RET_VOID,
	      .arg_type = { BV_ARG_PTR_TO_RINGBUF_MEM | BV_OBJ_RELEASE, BV_ARG_ANYTHING }),
	PROTO(ringbuf_query, .ret_type = BV_RET_INTEGER,
	      .arg_type = { BV_ARG_CONST_MAP_PTR, BV_ARG_ANYTHING }),
	/* kernel/trace/bpf_trace.c, net/core/filter.c: perf event output */
	PROTO(perf_event_output, .gpl_only = 1, .ret_type = BV_RET_INTEGER,
	      .arg_type = { BV_ARG_PTR_TO_CTX, BV_ARG_CONST_MAP_PTR, BV_ARG_ANYTHING,
			    ARG_PTR_TO_RDONLY_MEM, BV_ARG_CONST_SIZE_OR_ZERO }),
	/* memory probes: the destination may be uninitialised stack */
	PROTO(probe_read, .gpl_only = 1, .ret_type = BV_RET_INTEGER,
	      .arg_type = { ARG_PTR_TO_UNINIT_MEM, BV_ARG_CONST_SIZE_OR_ZERO, BV_ARG_ANYTHING }),
	PROTO(probe_read_str, .gpl_only = 1, .ret_type = BV_RET_INTEGER,
	      .arg_type = { ARG_PTR_TO_UNINIT_MEM, BV_ARG_CONST_SIZE_OR_ZERO, BV_ARG_ANYTHING }),
	PROTO(probe_read_kernel, .gpl_only = 1, .ret_type = BV_RET_INTEGER,
	      .arg_type = { ARG_PTR_TO_UNINIT_MEM, BV_ARG_CONST_SIZE_OR_ZERO, BV_ARG_ANYTHING }),
	PROTO(probe_read_kernel_str, .gpl_only = 1, .ret_type = BV_RET_INTEGER,
	      .arg_type = { ARG_PTR_TO_UNINIT_MEM, BV_ARG_CONST_SIZE_OR_ZERO, BV_ARG_ANYTHING }),
	PROTO(probe_read_user, .gpl_only = 1, .ret_type = BV_RET_INTEGER,
	      .arg_type = { ARG_PTR_TO_UNINIT_MEM, BV_ARG_CONST_SIZE_OR_ZERO, BV_ARG_ANYTHING }),
	PROTO(probe_read_user_str, .gpl_only = 1, .ret_type = BV_RET_INTEGER,
	      .arg_type = { ARG_PTR_TO_UNINIT_MEM, BV_ARG_CONST_SIZE_OR_ZERO, BV_ARG_ANYTHING }),
	/* time, identity, randomness: no arguments */
	PROTO(ktime_get_ns, .ret_type = BV_RET_INTEGER),
	PROTO(ktime_get_boot_ns, .ret_type = BV_RET_INTEGER),
	PROTO(ktime_get_coarse_ns, .ret_type = BV_RET_INTEGER),
	PROTO(ktime_get_tai_ns, .ret_type = BV_RET_INTEGER),
	PROTO(jiffies64, .ret_type = BV_RET_INTEGER),
	PROTO(get_current_pid_tgid, .ret_type = BV_RET_INTEGER),
	PROTO(get_current_uid_gid, .ret_type = BV_RET_INTEGER),
	PROTO(get_current_task, .gpl_only = 1, .ret_type = BV_RET_INTEGER),
	PROTO(get_current_cgroup_id, .ret_type = BV_RET_INTEGER),
	PROTO(get_smp_processor_id, .ret_type = BV_RET_INTEGER),
	PROTO(get_numa_node_id, .ret_type = BV_RET_INTEGER),
	PROTO(get_prandom_u32, .ret_type = BV_RET_INTEGER),
	PROTO(get_current_comm, .ret_type = BV_RET_INTEGER,
	      .arg_type = { ARG_PTR_TO_UNINIT_MEM, BV_ARG_CONST_SIZE }),
	/* printing: trace_printk's extra arguments (R3-R5) are not checked */
	PROTO(trace_printk, .gpl_only = 1, .ret_type = BV_RET_INTEGER,
	      .arg_type = { ARG_PTR_TO_RDONLY_MEM, BV_ARG_CONST_SIZE }),
	PROTO(trace_vprintk, .gpl_only = 1, .ret_type = BV_RET_INTEGER,
	      .arg_type = { ARG_PTR_TO_RDONLY_MEM, BV_ARG_CONST_SIZE,
			    ARG_PTR_TO_RDONLY_MEM | BV_PTR_MAYBE_NULL,
			    BV_ARG_CONST_SIZE_OR_ZERO }),
	PROTO(snprintf, .gpl_only = 1, .ret_type = BV_RET_INTEGER,
	      .arg_type = { ARG_PTR_TO_MEM_OR_NULL | BV_MEM_WRITE, BV_ARG_CONST_SIZE_OR_ZERO,
			    BV_ARG_PTR_TO_CONST_STR,
			    ARG_PTR_TO_RDONLY_MEM | BV_PTR_MAYBE_NULL,
			    BV_ARG_CONST_SIZE_OR_ZERO }),
	/* control flow */
	PROTO(tail_call, .ret_type = BV_RET_VOID,
	      .arg_type = { BV_ARG_PTR_TO_CTX, BV_ARG_CONST_MAP_PTR, BV_ARG_ANYTHING }),
	PROTO(loop, .ret_type = BV_RET_INTEGER,
	      .arg_type = { BV_ARG_ANYTHING, BV_ARG_PTR_TO_FUNC,
			    ARG_PTR_TO_STACK_OR_NULL, BV_ARG_ANYTHING }),
	PROTO(send_signal, .ret_type = BV_RET_INTEGER, .arg_type = { BV_ARG_ANYTHING }),
	/* net/core/filter.c: packets */
	PROTO(skb_load_bytes, .ret_type = BV_RET_INTEGER,
	      .arg_type = { BV_ARG_PTR_TO_CTX, BV_ARG_ANYTHING, ARG_PTR_TO_UNINIT_MEM,
			    BV_ARG_CONST_SIZE }),
	PROTO(skb_store_bytes, .changes_pkt_data = 1, .ret_type = BV_RET_INTEGER,
	      .arg_type = { BV_ARG_PTR_TO_CTX, BV_ARG_ANYTHING, ARG_PTR_TO_RDONLY_MEM,
			    BV_ARG_CONST_SIZE, BV_ARG_ANYTHING }),
	PROTO(l3_csum_replace, .changes_pkt_data = 1, .ret_type = BV_RET_INTEGER,
	      .arg_type = { BV_ARG_PTR_TO_CTX, BV_ARG_ANYTHING, BV_ARG_ANYTHING,
			    BV_ARG_ANYTHING, BV_ARG_ANYTHING }),
	PROTO(l4_csum_replace, .changes_pkt_data = 1, .ret_type = BV_RET_INTEGER,
	      .arg_type = { BV_ARG_PTR_TO_CTX, BV_ARG_ANYTHING, BV_ARG_ANYTHING,
			    BV_ARG_ANYTHING, BV_ARG_ANYTHING }),
	PROTO(csum_diff, .pkt_access = 1, .ret_type = BV_RET_INTEGER,
	      .arg_type = { ARG_PTR_TO_RDONLY_MEM | BV_PTR_MAYBE_NULL,
			    BV_ARG_CONST_SIZE_OR_ZERO,
			    ARG_PTR_TO_RDONLY_MEM | BV_PTR_MAYBE_NULL,
			    BV_ARG_CONST_SIZE_OR_ZERO, BV_ARG_ANYTHING }),
	PROTO(xdp_adjust_head, .changes_pkt_data = 1, .ret_type = BV_RET_INTEGER,
	      .arg_type = { BV_ARG_PTR_TO_CTX, BV_ARG_ANYTHING }),
	PROTO(xdp_adjust_tail, .changes_pkt_data = 1, .ret_type = BV_RET_INTEGER,
	      .arg_type = { BV_ARG_PTR_TO_CTX, BV_ARG_ANYTHING }),
	PROTO(xdp_adjust_meta, .changes_pkt_data = 1, .ret_type = BV_RET_INTEGER,
	      .arg_type = { BV_ARG_PTR_TO_CTX, BV_ARG_ANYTHING }),
	/* bpf_redirect_proto (tc) and bpf_xdp_redirect_proto agree */
	PROTO(redirect, .ret_type = BV_RET_INTEGER,
	      .arg_type = { BV_ARG_ANYTHING, BV_ARG_ANYTHING }),
	PROTO(redirect_map, .ret_type = BV_RET_INTEGER,
	      .arg_type = { BV_ARG_CONST_MAP_PTR, BV_ARG_ANYTHING, BV_ARG_ANYTHING }),
	/* kernel/bpf/stackmap.c (tracing and raw_tp variants) */
	PROTO(get_stackid, .gpl_only = 1, .ret_type = BV_RET_INTEGER,
	      .arg_type = { BV_ARG_PTR_TO_CTX, BV_ARG_CONST_MAP_PTR, BV_ARG_ANYTHING }),
	PROTO(get_stack, .gpl_only = 1, .ret_type = BV_RET_INTEGER,
	      .arg_type = { BV_ARG_PTR_TO_CTX, ARG_PTR_TO_UNINIT_MEM,
			    BV_ARG_CONST_SIZE_OR_ZERO, BV_ARG_ANYTHING }),
};

/* bpf_get_stackid_proto_pe: perf_event programs; not GPL-only (observed). */
static const struct bv_helper_proto get_stackid_pe =
	PROTO(get_stackid, .ret_type = BV_RET_INTEGER,
	      .arg_type = { BV_ARG_PTR_TO_CTX, BV_ARG_CONST_MAP_PTR, BV_ARG_ANYTHING });

/* ---- the kernel's bpf_helper_changes_pkt_data (6.18) ----
 * Kept as its own list because the core needs it even for helpers whose
 * prototype is not modelled (it is a property of the id). 6.18 no longer
 * lists tail_call here: a tail call invalidates packet pointers only inside
 * subprograms, which the core handles itself. */
static const int32_t changes_pkt_data_ids[] = {
	BPF_FUNC_skb_store_bytes, BPF_FUNC_skb_change_head,
	BPF_FUNC_skb_change_tail, BPF_FUNC_skb_adjust_room,
	BPF_FUNC_skb_change_proto, BPF_FUNC_skb_vlan_push, BPF_FUNC_skb_vlan_pop,
	BPF_FUNC_skb_pull_data, BPF_FUNC_clone_redirect,
	BPF_FUNC_l3_csum_replace, BPF_FUNC_l4_csum_replace,
	BPF_FUNC_lwt_push_encap, BPF_FUNC_lwt_seg6_store_bytes,
	BPF_FUNC_lwt_seg6_adjust_srh, BPF_FUNC_lwt_seg6_action,
	BPF_FUNC_msg_pull_data, BPF_FUNC_msg_push_data, BPF_FUNC_msg_pop_data,
	BPF_FUNC_xdp_adjust_head, BPF_FUNC_xdp_adjust_meta,
	BPF_FUNC_xdp_adjust_tail,
};

/* ---- availability: the get_func_proto chains ---- */
enum kb_gate {
	GATE_NONE = 0,
	GATE_BPF,          /* bpf_token_capable(CAP_BPF) */
	GATE_PERFMON,      /* bpf_token_capable(CAP_PERFMON) */
	GATE_BPF_PERFMON,  /* base tier 3: CAP_BPF checked first, then CAP_PERFMON */
};

struct kb_level {
	const int32_t *ids;
	size_t nr;
	enum kb_gate gate;
};

#define LEVEL(arr, g) { arr, ARRAY_LEN(arr), g }

/* bpf_base_func_proto, kernel/bpf/helpers.c: three tiers. */
static const int32_t base_always[] = {
	BPF_FUNC_map_lookup_elem, BPF_FUNC_map_update_elem,
	BPF_FUNC_map_delete_elem, BPF_FUNC_map_push_elem, BPF_FUNC_map_pop_elem,
	BPF_FUNC_map_peek_elem, BPF_FUNC_map_lookup_percpu_elem,
	BPF_FUNC_get_prandom_u32, BPF_FUNC_get_smp_processor_id,
	BPF_FUNC_get_numa_node_id, BPF_FUNC_tail_call, BPF_FUNC_ktime_get_ns,
	BPF_FUNC_ktime_get_boot_ns, BPF_FUNC_ktime_get_tai_ns,
	BPF_FUNC_ringbuf_output, BPF_FUNC_ringbuf_reserve,
	BPF_FUNC_ringbuf_submit, BPF_FUNC_ringbuf_discard,
	BPF_FUNC_ringbuf_query, BPF_FUNC_strncmp, BPF_FUNC_strtol,
	BPF_FUNC_strtoul, BPF_FUNC_get_current_pid_tgid,
	BPF_FUNC_get_ns_current_pid_tgid, BPF_FUNC_get_current_uid_gid,
};
static const int32_t base_bpf[] = {
	BPF_FUNC_spin_lock, BPF_FUNC_spin_unlock, BPF_FUNC_jiffies64,
	BPF_FUNC_per_cpu_ptr, BPF_FUNC_this_cpu_ptr, BPF_FUNC_timer_init,
	BPF_FUNC_timer_set_callback, BPF_FUNC_timer_start, BPF_FUNC_timer_cancel,
	BPF_FUNC_kptr_xchg, BPF_FUNC_for_each_map_elem, BPF_FUNC_loop,
	BPF_FUNC_user_ringbuf_drain, BPF_FUNC_ringbuf_reserve_dynptr,
	BPF_FUNC_ringbuf_submit_dynptr, BPF_FUNC_ringbuf_discard_dynptr,
	BPF_FUNC_dynptr_from_mem, BPF_FUNC_dynptr_read, BPF_FUNC_dynptr_write,
	BPF_FUNC_dynptr_data, KB_FUNC_cgrp_storage_get, KB_FUNC_cgrp_storage_delete,
	BPF_FUNC_get_current_cgroup_id, BPF_FUNC_get_current_ancestor_cgroup_id,
	BPF_FUNC_current_task_under_cgroup, BPF_FUNC_get_cgroup_classid,
	BPF_FUNC_task_storage_get, BPF_FUNC_task_storage_delete,
};
static const int32_t base_perfmon[] = {
	BPF_FUNC_trace_printk, BPF_FUNC_get_current_task,
	BPF_FUNC_get_current_task_btf, BPF_FUNC_get_current_comm,
	BPF_FUNC_probe_read_user, BPF_FUNC_probe_read_kernel,
	BPF_FUNC_probe_read_user_str, BPF_FUNC_probe_read_kernel_str,
	BPF_FUNC_copy_from_user, BPF_FUNC_copy_from_user_task,
	BPF_FUNC_snprintf_btf, BPF_FUNC_snprintf, BPF_FUNC_task_pt_regs,
	BPF_FUNC_trace_vprintk, BPF_FUNC_perf_event_read_value,
	BPF_FUNC_perf_event_read, BPF_FUNC_send_signal,
	BPF_FUNC_send_signal_thread, BPF_FUNC_get_task_stack,
	BPF_FUNC_get_branch_snapshot, BPF_FUNC_find_vma,
};

/* bpf_sk_base_func_proto, net/core/filter.c: the socket casts need
 * CAP_PERFMON; the rest falls through to the base. */
static const int32_t sk_base_always[] = {
	BPF_FUNC_ktime_get_coarse_ns,
};
static const int32_t sk_base_perfmon[] = {
	BPF_FUNC_skc_to_tcp6_sock, BPF_FUNC_skc_to_tcp_sock,
	BPF_FUNC_skc_to_tcp_timewait_sock, BPF_FUNC_skc_to_tcp_request_sock,
	BPF_FUNC_skc_to_udp6_sock, BPF_FUNC_skc_to_unix_sock,
	BPF_FUNC_skc_to_mptcp_sock,
};

/* bpf_tracing_func_proto, kernel/trace/bpf_trace.c (what 6.18 keeps there
 * after moving most tracing helpers into the base). */
static const int32_t tracing[] = {
	BPF_FUNC_probe_read, BPF_FUNC_probe_read_str, BPF_FUNC_get_func_ip,
};

/* sk_filter_func_proto */
static const int32_t sk_filter_own[] = {
	BPF_FUNC_perf_event_output, BPF_FUNC_skb_load_bytes,
	BPF_FUNC_get_socket_cookie, BPF_FUNC_get_socket_uid,
	BPF_FUNC_skb_load_bytes_relative, BPF_FUNC_get_netns_cookie,
};

/* tc_cls_act_func_proto (sched_cls and sched_act) */
static const int32_t tc_cls_act_own[] = {
	BPF_FUNC_skb_store_bytes, BPF_FUNC_l3_csum_replace,
	BPF_FUNC_l4_csum_replace, BPF_FUNC_clone_redirect, BPF_FUNC_skb_vlan_push,
	BPF_FUNC_skb_vlan_pop, BPF_FUNC_skb_get_tunnel_key,
	BPF_FUNC_skb_set_tunnel_key, BPF_FUNC_redirect, BPF_FUNC_get_route_realm,
	BPF_FUNC_perf_event_output, BPF_FUNC_skb_load_bytes, BPF_FUNC_csum_diff,
	BPF_FUNC_skb_get_tunnel_opt, BPF_FUNC_skb_set_tunnel_opt,
	BPF_FUNC_skb_change_proto, BPF_FUNC_skb_change_type,
	BPF_FUNC_skb_under_cgroup, BPF_FUNC_get_hash_recalc,
	BPF_FUNC_skb_change_tail, BPF_FUNC_skb_pull_data, BPF_FUNC_csum_update,
	BPF_FUNC_set_hash_invalid, BPF_FUNC_skb_change_head,
	BPF_FUNC_get_socket_cookie, BPF_FUNC_get_socket_uid, BPF_FUNC_set_hash,
	BPF_FUNC_skb_adjust_room, BPF_FUNC_skb_get_xfrm_state,
	BPF_FUNC_skb_load_bytes_relative, BPF_FUNC_fib_lookup,
	BPF_FUNC_skb_cgroup_id, BPF_FUNC_skb_ancestor_cgroup_id,
	BPF_FUNC_sk_lookup_tcp, BPF_FUNC_sk_lookup_udp, BPF_FUNC_sk_release,
	BPF_FUNC_sk_fullsock, BPF_FUNC_tcp_sock, BPF_FUNC_skb_ecn_set_ce,
	BPF_FUNC_get_listener_sock, BPF_FUNC_skc_lookup_tcp,
	BPF_FUNC_tcp_check_syncookie, BPF_FUNC_sk_storage_get,
	BPF_FUNC_sk_storage_delete, BPF_FUNC_tcp_gen_syncookie,
	BPF_FUNC_get_netns_cookie, BPF_FUNC_sk_assign, BPF_FUNC_csum_level,
	BPF_FUNC_skb_cgroup_classid, BPF_FUNC_redirect_neigh,
	BPF_FUNC_redirect_peer, BPF_FUNC_check_mtu, BPF_FUNC_skb_set_tstamp,
	BPF_FUNC_tcp_raw_gen_syncookie_ipv4, BPF_FUNC_tcp_raw_gen_syncookie_ipv6,
	BPF_FUNC_tcp_raw_check_syncookie_ipv4,
	BPF_FUNC_tcp_raw_check_syncookie_ipv6,
};

/* xdp_func_proto */
static const int32_t xdp_own[] = {
	BPF_FUNC_redirect, BPF_FUNC_perf_event_output, BPF_FUNC_csum_diff,
	BPF_FUNC_xdp_adjust_head, BPF_FUNC_redirect_map, BPF_FUNC_xdp_adjust_meta,
	BPF_FUNC_xdp_adjust_tail, BPF_FUNC_fib_lookup, BPF_FUNC_sk_lookup_tcp,
	BPF_FUNC_sk_lookup_udp, BPF_FUNC_sk_release, BPF_FUNC_skc_lookup_tcp,
	BPF_FUNC_tcp_check_syncookie, BPF_FUNC_tcp_gen_syncookie,
	BPF_FUNC_check_mtu, BPF_FUNC_xdp_get_buff_len, BPF_FUNC_xdp_load_bytes,
	BPF_FUNC_xdp_store_bytes, BPF_FUNC_tcp_raw_gen_syncookie_ipv4,
	BPF_FUNC_tcp_raw_gen_syncookie_ipv6, BPF_FUNC_tcp_raw_check_syncookie_ipv4,
	BPF_FUNC_tcp_raw_check_syncookie_ipv6,
};

/* cg_skb_func_proto */
static const int32_t cg_skb_own[] = {
	BPF_FUNC_perf_event_output, BPF_FUNC_skb_load_bytes,
	BPF_FUNC_get_socket_cookie, BPF_FUNC_get_socket_uid,
	BPF_FUNC_skb_load_bytes_relative, BPF_FUNC_skb_cgroup_id,
	BPF_FUNC_get_local_storage, BPF_FUNC_skb_ancestor_cgroup_id,
	BPF_FUNC_sk_lookup_tcp, BPF_FUNC_sk_lookup_udp, BPF_FUNC_sk_release,
	BPF_FUNC_sk_fullsock, BPF_FUNC_tcp_sock, BPF_FUNC_skb_ecn_set_ce,
	BPF_FUNC_get_listener_sock, BPF_FUNC_skc_lookup_tcp,
	BPF_FUNC_sk_storage_get, BPF_FUNC_sk_storage_delete,
	BPF_FUNC_get_netns_cookie, BPF_FUNC_sk_cgroup_id,
	BPF_FUNC_sk_ancestor_cgroup_id,
};

/* kprobe_prog_func_proto, tp_prog_func_proto, raw_tp_prog_func_proto:
 * each with its own variant of the same helpers. */
static const int32_t tracing_prog_own[] = {
	BPF_FUNC_perf_event_output, BPF_FUNC_get_stackid, BPF_FUNC_get_stack,
	BPF_FUNC_get_attach_cookie,
};

/* pe_prog_func_proto */
static const int32_t pe_prog_own[] = {
	BPF_FUNC_perf_event_output, BPF_FUNC_get_stackid, BPF_FUNC_get_stack,
	BPF_FUNC_get_attach_cookie, BPF_FUNC_perf_prog_read_value,
	BPF_FUNC_read_branch_records,
};

#define NET_TAIL \
	LEVEL(sk_base_always, GATE_NONE), LEVEL(sk_base_perfmon, GATE_PERFMON), \
	LEVEL(base_always, GATE_NONE), LEVEL(base_bpf, GATE_BPF), \
	LEVEL(base_perfmon, GATE_BPF_PERFMON)
#define TRACING_TAIL \
	LEVEL(tracing, GATE_NONE), \
	LEVEL(base_always, GATE_NONE), LEVEL(base_bpf, GATE_BPF), \
	LEVEL(base_perfmon, GATE_BPF_PERFMON)

static const struct kb_level chain_sk_filter[] = { LEVEL(sk_filter_own, GATE_NONE), NET_TAIL };
static const struct kb_level chain_tc[] = { LEVEL(tc_cls_act_own, GATE_NONE), NET_TAIL };
static const struct kb_level chain_xdp[] = { LEVEL(xdp_own, GATE_NONE), NET_TAIL };
static const struct kb_level chain_cg_skb[] = { LEVEL(cg_skb_own, GATE_NONE), NET_TAIL };
static const struct kb_level chain_tracing[] = { LEVEL(tracing_prog_own, GATE_NONE), TRACING_TAIL };
static const struct kb_level chain_pe[] = { LEVEL(pe_prog_own, GATE_NONE), TRACING_TAIL };
/* tracing and lsm: kb_tracing.c decides by attach type first, then
 * raw_tp_prog_func_proto's own helpers and the tracing tail. */
static const int32_t raw_tp_own[] = {
	BPF_FUNC_perf_event_output, BPF_FUNC_get_stackid, BPF_FUNC_get_stack,
};
static const struct kb_level chain_btf_tracing[] = { LEVEL(raw_tp_own, GATE_NONE), TRACING_TAIL };

/* The shared levels other files' program types fall back to. */
static const struct kb_level tail_base[] = {
	LEVEL(base_always, GATE_NONE), LEVEL(base_bpf, GATE_BPF),
	LEVEL(base_perfmon, GATE_BPF_PERFMON),
};
static const struct kb_level tail_sk_base[] = { NET_TAIL };

struct kb_chain {
	uint32_t prog_type;
	const struct kb_level *levels;
	size_t nr;
};

#define CHAIN(pt, c) { pt, c, ARRAY_LEN(c) }

static const struct kb_chain chains[] = {
	CHAIN(BV_PROG_TYPE_SOCKET_FILTER, chain_sk_filter),
	CHAIN(BV_PROG_TYPE_SCHED_CLS, chain_tc),
	CHAIN(BV_PROG_TYPE_SCHED_ACT, chain_tc),
	CHAIN(BV_PROG_TYPE_XDP, chain_xdp),
	CHAIN(BV_PROG_TYPE_CGROUP_SKB, chain_cg_skb),
	CHAIN(BV_PROG_TYPE_KPROBE, chain_tracing),
	CHAIN(BV_PROG_TYPE_TRACEPOINT, chain_tracing),
	CHAIN(BV_PROG_TYPE_RAW_TRACEPOINT, chain_tracing),
	CHAIN(BV_PROG_TYPE_PERF_EVENT, chain_pe),
	CHAIN(BV_PROG_TYPE_RAW_TRACEPOINT_WRITABLE, chain_tracing),
	CHAIN(BV_PROG_TYPE_TRACING, chain_btf_tracing),
	CHAIN(BV_PROG_TYPE_LSM, chain_btf_tracing),
};

static bool ids_contain(const int32_t *ids, size_t nr, int32_t id)
{
	for (size_t i = 0; i < nr; i++)
		if (ids[i] == id)
			return true;
	return false;
}

static bool gate_open(enum kb_gate gate, const struct bvf_kb_env *env)
{
	switch (gate) {
	case GATE_NONE:
		return true;
	case GATE_BPF:
		return env->bpf_capable;
	case GATE_PERFMON:
		return env->perfmon_capable;
	case GATE_BPF_PERFMON:
		return env->bpf_capable && env->perfmon_capable;
	}
	return false;
}

static const struct kb_chain *chain_for(uint32_t prog_type)
{
	for (size_t i = 0; i < ARRAY_LEN(chains); i++)
		if (chains[i].prog_type == prog_type)
			return &chains[i];
	return NULL;
}

/* Walks the chain like the kernel's switch statements: the first level
 * that lists the id decides; a closed gate there means NULL (the kernel
 * returns before looking further). */
static bool walk_levels(const struct kb_level *levels, size_t nr,
			const struct bvf_kb_env *env, int32_t id)
{
	for (size_t i = 0; i < nr; i++) {
		const struct kb_level *l = &levels[i];

		if (ids_contain(l->ids, l->nr, id))
			return gate_open(l->gate, env);
	}
	return false;
}

/* Program types of other files decide their own cases, then fall back
 * to a shared tail here. */
static bool available_elsewhere(const struct bvf_kb_env *env, int32_t id)
{
	enum bvf_kb_tail tail = BVF_KB_TAIL_NONE;
	int own;

	if (bvf_kb_net_prog_type(env->prog_type)) {
		bool sk_base;

		own = bvf_kb_net_helper_listed(env, id, &sk_base);
		if (own != 0)
			return own > 0;
		tail = sk_base ? BVF_KB_TAIL_SK_BASE : BVF_KB_TAIL_BASE;
	} else {
		own = bvf_kb_cgroup_helper(env, id, &tail);
		if (own >= 0)
			return own;
	}
	if (tail == BVF_KB_TAIL_BASE)
		return walk_levels(tail_base, ARRAY_LEN(tail_base), env, id);
	if (tail == BVF_KB_TAIL_SK_BASE)
		return walk_levels(tail_sk_base, ARRAY_LEN(tail_sk_base), env, id);
	return false;
}

static bool available(const struct bvf_kb_env *env, int32_t id)
{
	const struct kb_chain *c = chain_for(env->prog_type);
	int decided = bvf_kb_tracing_available(env, id);

	if (decided >= 0)
		return decided;
	if (!c)
		return available_elsewhere(env, id);
	return walk_levels(c->levels, c->nr, env, id);
}

bool bvf_kb_prog_type_modelled(uint32_t prog_type)
{
	return chain_for(prog_type) != NULL || bvf_kb_cgroup_prog_type(prog_type) ||
	       bvf_kb_net_prog_type(prog_type);
}

/* Name-only prototypes, for -EPERM and -EOPNOTSUPP answers: the core
 * needs the kernel's name of the helper to print its message. */
static struct bv_helper_proto name_only[BVF_KB_HELPER_ID_MAX + 1];
static pthread_once_t name_only_once = PTHREAD_ONCE_INIT;

static void name_only_init(void)
{
	for (int32_t id = 1; id <= BVF_KB_HELPER_ID_MAX; id++) {
		name_only[id].name = bvf_kb_helper_name(id);
		name_only[id].func_id = id;
		name_only[id].changes_pkt_data =
			ids_contain(changes_pkt_data_ids, ARRAY_LEN(changes_pkt_data_ids), id);
	}
}

static const struct bv_helper_proto *modelled(const struct bvf_kb_env *env, int32_t id)
{
	const struct bv_helper_proto *p;
	const struct bv_helper_proto *btf_proto = bvf_kb_tracing_proto(env, id);

	if (btf_proto)
		return btf_proto;
	if (id == BPF_FUNC_get_stackid && env->prog_type == BV_PROG_TYPE_PERF_EVENT)
		return &get_stackid_pe;
	if ((p = bvf_kb_cgroup_proto(env, id)))
		return p;
	for (size_t i = 0; i < ARRAY_LEN(protos); i++)
		if (protos[i].func_id == id)
			return &protos[i];
	if ((p = bvf_kb_net_proto(env, id)))
		return p;
	return bvf_kb_protos_base(env, id);
}

int bvf_kb_helper(const struct bvf_kb_env *env, int32_t func_id,
		  const struct bv_helper_proto **proto)
{
	const struct bvf_kb_helper_facts *h = env->helpers;
	const struct bv_helper_proto *p;
	bool avail;

	*proto = NULL;
	if (!bvf_kb_helper_name(func_id) || (h && h->nr_ids && func_id >= h->nr_ids))
		return -ENOENT;
	pthread_once(&name_only_once, name_only_init);
	avail = available(env, func_id);
	if (h && (h->unavailable[func_id / 64] & (UINT64_C(1) << (func_id % 64))))
		avail = false;
	if (h && (h->available[func_id / 64] & (UINT64_C(1) << (func_id % 64))))
		avail = true;
	if (!avail) {
		p = modelled(env, func_id);
		*proto = p ? p : &name_only[func_id];
		return -EPERM;
	}
	p = modelled(env, func_id);
	if (!p) {
		*proto = &name_only[func_id];
		return -EOPNOTSUPP;
	}
	*proto = p;
	return 0;
}

/* ---- check_map_func_compatibility (kernel/bpf/verifier.c) ----
 * Direction 1: a map type that only some helpers may take. Direction 2: a
 * helper that only takes some map types. Map types not listed in
 * direction 1 (hash, array, percpu and LRU variants, LPM trie, …) go with
 * any helper that takes a map. */
struct kb_map_rule {
	uint32_t map_type;
	const int32_t *funcs;
	size_t nr;
};

static const int32_t m_prog_array[] = { BPF_FUNC_tail_call };
static const int32_t m_perf_event_array[] = {
	BPF_FUNC_perf_event_read, BPF_FUNC_perf_event_output,
	BPF_FUNC_skb_output, BPF_FUNC_perf_event_read_value, BPF_FUNC_xdp_output,
};
static const int32_t m_ringbuf[] = {
	BPF_FUNC_ringbuf_output, BPF_FUNC_ringbuf_reserve, BPF_FUNC_ringbuf_query,
	BPF_FUNC_ringbuf_reserve_dynptr, BPF_FUNC_ringbuf_submit_dynptr,
	BPF_FUNC_ringbuf_discard_dynptr,
};
static const int32_t m_user_ringbuf[] = { BPF_FUNC_user_ringbuf_drain };
static const int32_t m_stack_trace[] = { BPF_FUNC_get_stackid };
static const int32_t m_cgroup_array[] = {
	BPF_FUNC_skb_under_cgroup, BPF_FUNC_current_task_under_cgroup,
};
static const int32_t m_cgroup_storage[] = { BPF_FUNC_get_local_storage };
static const int32_t m_devmap[] = { BPF_FUNC_redirect_map, BPF_FUNC_map_lookup_elem };
static const int32_t m_cpumap[] = { BPF_FUNC_redirect_map };
static const int32_t m_of_maps[] = { BPF_FUNC_map_lookup_elem };
/* sockmap/sockhash: update and delete are allowed only where
 * may_update_sockmap() agrees (program type and attach point); modelled
 * as allowed. */
static const int32_t m_sockmap[] = {
	BPF_FUNC_sk_redirect_map, BPF_FUNC_sock_map_update,
	BPF_FUNC_msg_redirect_map, BPF_FUNC_sk_select_reuseport,
	BPF_FUNC_map_lookup_elem, BPF_FUNC_map_update_elem,
	BPF_FUNC_map_delete_elem,
};
static const int32_t m_sockhash[] = {
	BPF_FUNC_sk_redirect_hash, BPF_FUNC_sock_hash_update,
	BPF_FUNC_msg_redirect_hash, BPF_FUNC_sk_select_reuseport,
	BPF_FUNC_map_lookup_elem, BPF_FUNC_map_update_elem,
	BPF_FUNC_map_delete_elem,
};
static const int32_t m_reuseport[] = { BPF_FUNC_sk_select_reuseport };
static const int32_t m_queue_stack[] = {
	BPF_FUNC_map_peek_elem, BPF_FUNC_map_pop_elem, BPF_FUNC_map_push_elem,
};
static const int32_t m_sk_storage[] = {
	BPF_FUNC_sk_storage_get, BPF_FUNC_sk_storage_delete, BPF_FUNC_kptr_xchg,
};
static const int32_t m_inode_storage[] = {
	BPF_FUNC_inode_storage_get, BPF_FUNC_inode_storage_delete, BPF_FUNC_kptr_xchg,
};
static const int32_t m_task_storage[] = {
	BPF_FUNC_task_storage_get, BPF_FUNC_task_storage_delete, BPF_FUNC_kptr_xchg,
};
static const int32_t m_cgrp_storage[] = {
	KB_FUNC_cgrp_storage_get, KB_FUNC_cgrp_storage_delete, BPF_FUNC_kptr_xchg,
};
static const int32_t m_bloom[] = { BPF_FUNC_map_peek_elem, BPF_FUNC_map_push_elem };

#define MAP_RULE(t, a) { t, a, ARRAY_LEN(a) }

static const struct kb_map_rule map_only_with[] = {
	MAP_RULE(BV_MAP_TYPE_PROG_ARRAY, m_prog_array),
	MAP_RULE(BV_MAP_TYPE_PERF_EVENT_ARRAY, m_perf_event_array),
	MAP_RULE(BV_MAP_TYPE_RINGBUF, m_ringbuf),
	MAP_RULE(BV_MAP_TYPE_USER_RINGBUF, m_user_ringbuf),
	MAP_RULE(BV_MAP_TYPE_STACK_TRACE, m_stack_trace),
	MAP_RULE(BV_MAP_TYPE_CGROUP_ARRAY, m_cgroup_array),
	MAP_RULE(BV_MAP_TYPE_CGROUP_STORAGE, m_cgroup_storage),
	MAP_RULE(BV_MAP_TYPE_PERCPU_CGROUP_STORAGE, m_cgroup_storage),
	MAP_RULE(BV_MAP_TYPE_DEVMAP, m_devmap),
	MAP_RULE(BV_MAP_TYPE_DEVMAP_HASH, m_devmap),
	MAP_RULE(BV_MAP_TYPE_CPUMAP, m_cpumap),
	MAP_RULE(BV_MAP_TYPE_XSKMAP, m_devmap),
	MAP_RULE(BV_MAP_TYPE_ARRAY_OF_MAPS, m_of_maps),
	MAP_RULE(BV_MAP_TYPE_HASH_OF_MAPS, m_of_maps),
	MAP_RULE(BV_MAP_TYPE_SOCKMAP, m_sockmap),
	MAP_RULE(BV_MAP_TYPE_SOCKHASH, m_sockhash),
	MAP_RULE(BV_MAP_TYPE_REUSEPORT_SOCKARRAY, m_reuseport),
	MAP_RULE(BV_MAP_TYPE_QUEUE, m_queue_stack),
	MAP_RULE(BV_MAP_TYPE_STACK, m_queue_stack),
	MAP_RULE(BV_MAP_TYPE_SK_STORAGE, m_sk_storage),
	MAP_RULE(BV_MAP_TYPE_INODE_STORAGE, m_inode_storage),
	MAP_RULE(BV_MAP_TYPE_TASK_STORAGE, m_task_storage),
	MAP_RULE(BV_MAP_TYPE_CGRP_STORAGE, m_cgrp_storage),
	MAP_RULE(BV_MAP_TYPE_BLOOM_FILTER, m_bloom),
};

struct kb_func_rule {
	int32_t func_id;
	uint32_t map_types[4];  /* 0-terminated */
};

static const struct kb_func_rule func_only_with[] = {
	{ BPF_FUNC_tail_call, { BV_MAP_TYPE_PROG_ARRAY } },
	{ BPF_FUNC_perf_event_read, { BV_MAP_TYPE_PERF_EVENT_ARRAY } },
	{ BPF_FUNC_perf_event_output, { BV_MAP_TYPE_PERF_EVENT_ARRAY } },
	{ BPF_FUNC_perf_event_read_value, { BV_MAP_TYPE_PERF_EVENT_ARRAY } },
	{ BPF_FUNC_skb_output, { BV_MAP_TYPE_PERF_EVENT_ARRAY } },
	{ BPF_FUNC_xdp_output, { BV_MAP_TYPE_PERF_EVENT_ARRAY } },
	{ BPF_FUNC_ringbuf_output, { BV_MAP_TYPE_RINGBUF } },
	{ BPF_FUNC_ringbuf_reserve, { BV_MAP_TYPE_RINGBUF } },
	{ BPF_FUNC_ringbuf_query, { BV_MAP_TYPE_RINGBUF } },
	{ BPF_FUNC_ringbuf_reserve_dynptr, { BV_MAP_TYPE_RINGBUF } },
	{ BPF_FUNC_ringbuf_submit_dynptr, { BV_MAP_TYPE_RINGBUF } },
	{ BPF_FUNC_ringbuf_discard_dynptr, { BV_MAP_TYPE_RINGBUF } },
	{ BPF_FUNC_user_ringbuf_drain, { BV_MAP_TYPE_USER_RINGBUF } },
	{ BPF_FUNC_get_stackid, { BV_MAP_TYPE_STACK_TRACE } },
	{ BPF_FUNC_current_task_under_cgroup, { BV_MAP_TYPE_CGROUP_ARRAY } },
	{ BPF_FUNC_skb_under_cgroup, { BV_MAP_TYPE_CGROUP_ARRAY } },
	{ BPF_FUNC_redirect_map, { BV_MAP_TYPE_DEVMAP, BV_MAP_TYPE_DEVMAP_HASH,
				   BV_MAP_TYPE_CPUMAP, BV_MAP_TYPE_XSKMAP } },
	{ BPF_FUNC_sk_redirect_map, { BV_MAP_TYPE_SOCKMAP } },
	{ BPF_FUNC_msg_redirect_map, { BV_MAP_TYPE_SOCKMAP } },
	{ BPF_FUNC_sock_map_update, { BV_MAP_TYPE_SOCKMAP } },
	{ BPF_FUNC_sk_redirect_hash, { BV_MAP_TYPE_SOCKHASH } },
	{ BPF_FUNC_msg_redirect_hash, { BV_MAP_TYPE_SOCKHASH } },
	{ BPF_FUNC_sock_hash_update, { BV_MAP_TYPE_SOCKHASH } },
	{ BPF_FUNC_get_local_storage, { BV_MAP_TYPE_CGROUP_STORAGE,
					BV_MAP_TYPE_PERCPU_CGROUP_STORAGE } },
	{ BPF_FUNC_sk_select_reuseport, { BV_MAP_TYPE_REUSEPORT_SOCKARRAY,
					  BV_MAP_TYPE_SOCKMAP, BV_MAP_TYPE_SOCKHASH } },
	{ BPF_FUNC_map_pop_elem, { BV_MAP_TYPE_QUEUE, BV_MAP_TYPE_STACK } },
	{ BPF_FUNC_map_peek_elem, { BV_MAP_TYPE_QUEUE, BV_MAP_TYPE_STACK,
				    BV_MAP_TYPE_BLOOM_FILTER } },
	{ BPF_FUNC_map_push_elem, { BV_MAP_TYPE_QUEUE, BV_MAP_TYPE_STACK,
				    BV_MAP_TYPE_BLOOM_FILTER } },
	{ BPF_FUNC_map_lookup_percpu_elem, { BV_MAP_TYPE_PERCPU_ARRAY,
					     BV_MAP_TYPE_PERCPU_HASH,
					     BV_MAP_TYPE_LRU_PERCPU_HASH } },
	{ BPF_FUNC_sk_storage_get, { BV_MAP_TYPE_SK_STORAGE } },
	{ BPF_FUNC_sk_storage_delete, { BV_MAP_TYPE_SK_STORAGE } },
	{ BPF_FUNC_inode_storage_get, { BV_MAP_TYPE_INODE_STORAGE } },
	{ BPF_FUNC_inode_storage_delete, { BV_MAP_TYPE_INODE_STORAGE } },
	{ BPF_FUNC_task_storage_get, { BV_MAP_TYPE_TASK_STORAGE } },
	{ BPF_FUNC_task_storage_delete, { BV_MAP_TYPE_TASK_STORAGE } },
	{ KB_FUNC_cgrp_storage_get, { BV_MAP_TYPE_CGRP_STORAGE } },
	{ KB_FUNC_cgrp_storage_delete, { BV_MAP_TYPE_CGRP_STORAGE } },
};

int bvf_kb_map_helper_compatible(uint32_t map_type, int32_t func_id)
{
	for (size_t i = 0; i < ARRAY_LEN(map_only_with); i++) {
		const struct kb_map_rule *r = &map_only_with[i];

		if (r->map_type == map_type && !ids_contain(r->funcs, r->nr, func_id))
			return -EINVAL;
	}
	for (size_t i = 0; i < ARRAY_LEN(func_only_with); i++) {
		const struct kb_func_rule *r = &func_only_with[i];

		if (r->func_id != func_id)
			continue;
		for (size_t j = 0; j < ARRAY_LEN(r->map_types) && r->map_types[j]; j++)
			if (r->map_types[j] == map_type)
				return 0;
		return -EINVAL;
	}
	return 0;
}

bool bvf_kb_prog_type_loadable(const struct bvf_kb_env *env)
{
	switch (env->prog_type) {
	case BV_PROG_TYPE_SOCKET_FILTER:
	case BV_PROG_TYPE_CGROUP_SKB:
		return true;
	/* is_perfmon_prog_type(): tracing needs CAP_PERFMON as well */
	case BV_PROG_TYPE_KPROBE:
	case BV_PROG_TYPE_TRACEPOINT:
	case BV_PROG_TYPE_PERF_EVENT:
	case BV_PROG_TYPE_RAW_TRACEPOINT:
	case BV_PROG_TYPE_RAW_TRACEPOINT_WRITABLE:
	case BV_PROG_TYPE_TRACING:
	case BV_PROG_TYPE_LSM:
	case BV_PROG_TYPE_STRUCT_OPS:
	case BV_PROG_TYPE_EXT:
		return env->bpf_capable && env->perfmon_capable;
	default:
		return env->bpf_capable;
	}
}
