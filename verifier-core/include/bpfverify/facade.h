/* bpfverify/facade.h — everything the core needs to know about the kernel
 * it verifies for, behind one narrow interface.
 *
 * The core asks; the facade answers. The facade owns every kernel-specific
 * table (helper prototypes, context layouts, map descriptions, return
 * ranges); the core holds none. A facade is plain data plus function
 * pointers that receive `ctx` back; the core never frees or modifies it.
 * Unset (NULL) optional ops mean "this facade cannot answer": the core then
 * ends with verdict BV_ERROR naming the unsupported feature, never a silent
 * accept.
 */
#ifndef BPFVERIFY_FACADE_H
#define BPFVERIFY_FACADE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bpfverify/features.h"
#include "bpfverify/types.h"

#define BV_KERNEL_VERSION(a, b, c) (((a) << 16) + ((b) << 8) + ((c) > 255 ? 255 : (c)))

enum bv_access {
	BV_READ = 1,
	BV_WRITE = 2,
};

/* What a valid context access yields (kernel: struct bpf_insn_access_aux). */
struct bv_ctx_access_info {
	bv_reg_type reg_type;     /* BV_SCALAR for plain fields; packet pointers, … */
	uint32_t ctx_field_size;  /* for narrow loads: the field's full size; 0 = exact */
	uint32_t btf_id;          /* for BV_PTR_TO_BTF_ID results */
	uint32_t mem_size;        /* for BV_PTR_TO_MEM results */
	/* A line the kernel logs about the access (BTF contexts: "func 'f'
	 * arg0 has btf_id 114 type STRUCT 'task_struct'"; on refusal the
	 * reason printed before "invalid bpf_context access"), or empty. */
	char msg[192];
};

/* What the map value's BTF says about bpf_spin_lock (older kernels word
 * each case of a missing lock differently). */
enum bv_spin_lock_shape {
	BV_SPIN_LOCK_NONE = 0,      /* a struct (or DATASEC) without one, or no BTF */
	BV_SPIN_LOCK_ONE,           /* exactly one: spin_lock_off */
	BV_SPIN_LOCK_NOT_STRUCT,    /* the value is not a struct, union or DATASEC */
	BV_SPIN_LOCK_MANY,          /* more than one */
};

/* One map as the program sees it (index = imm of a BV_PSEUDO_MAP_FD /
 * BV_PSEUDO_MAP_VALUE ld_imm64 after the facade's relocation). */
struct bv_map_desc {
	const char *name;
	uint32_t type;            /* enum bv_map_type */
	uint32_t key_size;
	uint32_t value_size;
	uint32_t max_entries;
	uint32_t map_flags;
	bool rdonly_prog;         /* BPF_F_RDONLY_PROG: .rodata, .kconfig */
	bool frozen;              /* contents known and constant (.rodata) */
	const void *initial_value;/* for frozen maps: value_size bytes, or NULL */
	uint32_t value_btf_id;    /* in the program's BTF, 0 if none */
	int32_t spin_lock_off;    /* -1 when the value has no bpf_spin_lock */
	uint8_t spin_lock_shape;  /* enum bv_spin_lock_shape: how the value's BTF
				   * holds (or fails to hold) a lock */
	int32_t timer_off;        /* -1 when the value has no bpf_timer */
	/* Array or hash of maps: the inner map every slot holds a map like
	 * (the kernel's inner_map_meta); NULL when not described. */
	const struct bv_map_desc *inner;
};

/* A subprogram's entry as BTF func_info describes it. */
struct bv_func_desc {
	uint32_t insn_off;        /* first instruction */
	const char *name;
	bool global;              /* BTF_FUNC_GLOBAL: verified on its own */
	uint32_t btf_id;          /* FUNC type id in the program's BTF, 0 if none */
};

/* A global function's argument as the target kernel derives it from the
 * function's BTF prototype (kernel: btf_prepare_func_args). */
struct bv_func_arg {
	/* BV_ARG_ANYTHING (a scalar), BV_ARG_PTR_TO_CTX, BV_ARG_PTR_TO_MEM
	 * [| BV_PTR_MAYBE_NULL], BV_ARG_PTR_TO_BTF_ID | BV_PTR_TRUSTED
	 * [| BV_PTR_MAYBE_NULL], BV_ARG_PTR_TO_ARENA */
	bv_arg_type type;
	uint32_t mem_size;        /* BV_ARG_PTR_TO_MEM: the pointee's size */
	uint32_t btf_id;          /* BV_ARG_PTR_TO_BTF_ID: the kernel struct */
};

struct bv_func_proto {
	uint32_t nr_args;
	struct bv_func_arg args[5];
	/* The kernel refuses the prototype with this line ("Global function
	 * f() doesn't return scalar. Only those are supported."); "" if not. */
	char err[192];
	/* What bpfverify cannot derive (a tag or type not modelled); "" if
	 * nothing: the core ends with BV_ERROR naming it. */
	char unsupported[160];
	/* Non-empty: this kernel build refuses every call of the kfunc once
	 * its arguments have been checked, with this line (the live 6.18
	 * build's "bpf_dynptr_slice_rdwr() is not allowed"). */
	char refused[96];
};

/* Required return value range of R0 at program exit. */
struct bv_retval_range {
	int32_t minval;
	int32_t maxval;
	bool enforce;             /* false: any value is allowed */
	bool return_32bit;        /* checked on the low 32 bits (int-returning
				   * hooks: LSM); messages still print the
				   * 64-bit bounds */
};

/* A field access through a BTF-typed pointer (kernel: btf_struct_access).
 * type goes in as the pointer's type (its flags decide the result's trust)
 * and comes out as what a read yields: BV_SCALAR, or BV_PTR_TO_BTF_ID with
 * the kernel's flags (PTR_TRUSTED, MEM_RCU, PTR_UNTRUSTED, PTR_MAYBE_NULL)
 * and btf_id the struct it points to. On refusal msg holds the kernel's
 * line ("access beyond struct task_struct at off 9736 size 4"). */
struct bv_btf_access {
	bv_reg_type type;
	uint32_t btf_id;
	char msg[192];
};

/* What a pointer to a kernel object named by BTF is to the verifier: the
 * value of a typed ksym's ld_imm64 (kernel: check_pseudo_btf_id), or what
 * bpf_per_cpu_ptr()/bpf_this_cpu_ptr() return for it (kernel:
 * RET_PTR_TO_MEM_OR_BTF_ID). */
struct bv_btf_pointee {
	bv_reg_type type;         /* BV_PTR_TO_BTF_ID (| BV_MEM_PERCPU), or
				   * BV_PTR_TO_MEM (| BV_MEM_RDONLY) */
	uint32_t btf_id;          /* BV_PTR_TO_BTF_ID: the type pointed to */
	uint32_t mem_size;        /* BV_PTR_TO_MEM: its size */
	char msg[192];            /* on refusal: the kernel's line */
};

/* A btf_id with this bit set names a type of the program's own BTF (the
 * objects bpf_obj_new() allocates), the low bits its id there; without it,
 * a type of the target kernel's BTF. The facade's BTF ops take both. */
#define BV_BTF_ID_LOCAL (1u << 31)

/* kfunc flags (kernel: KF_*), as the target kernel's kfunc sets declare
 * them; the facade reads them from the profile's facts. */
#define BV_KF_ACQUIRE        (1u << 0)
#define BV_KF_RELEASE        (1u << 1)
#define BV_KF_RET_NULL       (1u << 2)
#define BV_KF_TRUSTED_ARGS   (1u << 3)
#define BV_KF_SLEEPABLE      (1u << 4)
#define BV_KF_DESTRUCTIVE    (1u << 5)
#define BV_KF_RCU            (1u << 6)
#define BV_KF_RCU_PROTECTED  (1u << 7)
#define BV_KF_ITER           (1u << 8)   /* KF_ITER_NEW / _NEXT / _DESTROY */
#define BV_KF_FASTCALL       (1u << 9)
/* which iterator method (BV_KF_ITER is set too) */
#define BV_KF_ITER_NEW       (1u << 10)
#define BV_KF_ITER_NEXT      (1u << 11)
#define BV_KF_ITER_DESTROY   (1u << 12)

/* One kfunc argument, from its BTF prototype (parameter name suffixes
 * included: __sz, __k, __ign, __nullable, __str). */
enum bv_kfunc_arg_kind {
	BV_KF_ARG_SCALAR = 1,     /* integer or enum */
	BV_KF_ARG_BTF_ID,         /* pointer to a kernel struct (btf_id) */
	BV_KF_ARG_MEM,            /* pointer to memory, sized by the next __sz
				   * argument (mem_size 0) or by its type */
	BV_KF_ARG_IGNORED,        /* __ign: not checked */
	BV_KF_ARG_OTHER,          /* a kind not modelled (list/rbtree node,
				   * callback, …) */
	BV_KF_ARG_ITER,           /* an iterator method's first argument: a
				   * struct bpf_iter_<type> on the stack
				   * (btf_id, size: its BTF struct, type_name
				   * "bpf_iter_num") */
	BV_KF_ARG_DYNPTR,         /* struct bpf_dynptr * (uninit: __uninit) */
	BV_KF_ARG_CTX,            /* the program's context (struct __sk_buff *
				   * in an skb program, struct xdp_md * in XDP) */
	BV_KF_ARG_ALLOC,          /* __alloc: an object bpf_obj_new() returned */
};

struct bv_kfunc_arg {
	enum bv_kfunc_arg_kind kind;
	uint32_t btf_id;          /* BV_KF_ARG_BTF_ID: the struct */
	uint32_t mem_size;        /* BV_KF_ARG_MEM with a fixed size */
	uint32_t size;            /* BV_KF_ARG_SCALAR: bytes */
	bool is_sz;               /* __sz / __szk: the size of the previous arg */
	bool is_const;            /* __k (and __szk): must be a known constant */
	bool nullable;            /* __nullable / __opt */
	bool is_str;              /* __str: a constant string */
	bool uninit;              /* __uninit: memory the kfunc initialises */
	char name[64];            /* the parameter's name */
	char type_name[64];       /* "task_struct", for messages */
};

/* A kfunc call as the target kernel sees it (kernel: bpf_kfunc_call_arg_meta
 * and its kfunc set membership). */
struct bv_kfunc_desc {
	const char *name;         /* "bpf_task_acquire" */
	uint32_t flags;           /* BV_KF_* */
	bool allowed;             /* in a kfunc set this program type may use */
	uint32_t nargs;
	struct bv_kfunc_arg args[5];
	enum {
		BV_KF_RET_VOID = 0,
		BV_KF_RET_SCALAR,
		BV_KF_RET_BTF_ID,     /* pointer to a kernel struct (ret_btf_id) */
		BV_KF_RET_OTHER,
		BV_KF_RET_MEM,        /* pointer to ret_size bytes of read-only
				       * memory (a pointer to an int type) */
		BV_KF_RET_ALLOC_OBJ,  /* bpf_obj_new: a new object of the program's
				       * own struct whose local BTF id is the
				       * constant first argument */
	} ret;
	uint32_t ret_size;        /* BV_KF_RET_SCALAR: bytes */
	uint32_t ret_btf_id;
	/* Non-empty: the facade cannot describe this kfunc (its facts are
	 * unknown, or it belongs to an API not modelled yet); the core ends
	 * with BV_ERROR naming it. */
	char unsupported[160];
	/* Non-empty: this kernel build refuses every call of the kfunc once
	 * its arguments have been checked, with this line (the live 6.18
	 * build's "bpf_dynptr_slice_rdwr() is not allowed"). */
	char refused[96];
};

struct bv_facade {
	size_t sz;                /* sizeof(struct bv_facade), for growth */
	void *ctx;                /* handed back to every op */

	/* Facts about the target kernel and the load. */
	const char *kernel_name;  /* "6.18": names the profile in messages */
	uint32_t kernel_version;  /* BV_KERNEL_VERSION(6, 18, 0) */
	bool bpf_capable;         /* CAP_BPF (or CAP_SYS_ADMIN) */
	bool perfmon_capable;     /* CAP_PERFMON */
	bool allow_ptr_leaks;     /* privileged: pointers may escape as values */
	uint32_t prog_type;       /* enum bv_prog_type */
	uint32_t expected_attach_type;
	bool gpl_compatible;
	uint32_t insn_processed_limit; /* 1000000 */
	uint32_t stack_limit;          /* 512 */
	uint32_t max_subprogs;         /* 256 */
	uint32_t max_call_depth;       /* 8 frames */

	/* Program-level data. */
	const struct bv_func_desc *funcs; /* sorted by insn_off; may be NULL */
	uint32_t nr_funcs;

	/* Helper prototype for func_id. Returns 0 and sets *proto when this
	 * program may call it; -ENOENT for an id this kernel does not know
	 * (*proto NULL); -EPERM when the kernel knows it but this program type
	 * may not call it (*proto set, for its name); -EOPNOTSUPP when the
	 * kernel allows it here but the facade has no model of its prototype
	 * (*proto set, for its name): the core reports BV_ERROR, never guesses. */
	int (*helper)(void *ctx, int32_t func_id,
		      const struct bv_helper_proto **proto);

	/* Context access at [off, off+size) of kind `access`. Returns true and
	 * fills *info when the kernel allows it for this program type and
	 * attach type, false otherwise. */
	bool (*ctx_access)(void *ctx, int32_t off, uint32_t size,
			   enum bv_access access, struct bv_ctx_access_info *info);

	/* Size of the context structure (for messages and bounds). */
	uint32_t ctx_size;

	/* Map by index; NULL when the index is unknown. */
	const struct bv_map_desc *(*map)(void *ctx, uint32_t index);
	uint32_t nr_maps;

	/* May this program type/map type pair be used together with this
	 * helper? Returns 0 or -EINVAL; -EPERM when the refusal is the
	 * kernel's may_update_sockmap() (an update or delete on a sockmap or
	 * sockhash from a program type that may not), which the kernel
	 * announces with a line of its own. NULL op: always compatible. */
	int (*map_helper_compatible)(void *ctx, const struct bv_map_desc *map,
				     int32_t func_id);

	/* Required R0 range at exit, for this program type and attach type. */
	void (*return_range)(void *ctx, struct bv_retval_range *range);

	/* BTF-typed pointers: the read of [off, off+size) of the kernel struct
	 * btf_id (0, or a negative errno with out->msg). NULL: unsupported. */
	int (*btf_struct_access)(void *ctx, uint32_t btf_id, int32_t off,
				 uint32_t size, enum bv_access access,
				 struct bv_btf_access *out);
	/* "task_struct" for a struct's id (messages, log). */
	const char *(*btf_type_name)(void *ctx, uint32_t btf_id);

	/* Verifier behaviours of the target kernel (bpfverify/features.h):
	 * BV_FEAT_BIT(BV_FEAT_X) set when that kernel's verifier has it. */
	uint64_t features;

	/* The structures behind the pointers the kernel hands out to
	 * networking programs: struct bpf_sock (BV_PTR_TO_SOCKET),
	 * bpf_sock_common view (BV_PTR_TO_SOCK_COMMON), bpf_tcp_sock,
	 * bpf_xdp_sock, bpf_flow_keys (BV_PTR_TO_FLOW_KEYS). Returns true and
	 * fills *info (ctx_field_size for narrow loads) when the kernel allows
	 * the access of `size` bytes at `off` (its check_sock_access /
	 * check_flow_keys_access). NULL: unsupported. */
	bool (*ptr_struct_access)(void *ctx, bv_reg_type type, int32_t off, uint32_t size,
				  enum bv_access access, struct bv_ctx_access_info *info);
	/* The program was loaded sleepable (BPF_F_SLEEPABLE: ".s" sections).
	 * A facade too old to carry the field says nothing (see
	 * bv_prog_sleepable). */
	bool sleepable;
	/* Is the object at byte off of struct btf_id a want_id (itself, or,
	 * unless strict, a struct whose first member is one, recursively)?
	 * (kernel: btf_struct_ids_match). NULL: only equal ids at off 0. */
	bool (*btf_ids_match)(void *ctx, uint32_t btf_id, int32_t off, uint32_t want_id,
			      bool strict);
	/* nr_cpu_ids of the machine the program will load on; 0: unknown
	 * (any machine). The kernel bounds bpf_get_smp_processor_id() by it. */
	uint32_t nr_cpu_ids;
	/* The prototype of the global function starting at insn_off (one of
	 * funcs[]), as the target kernel derives it for this program type.
	 * NULL: global functions are not supported. */
	void (*func_proto)(void *ctx, uint32_t insn_off, struct bv_func_proto *out);
	/* Typed ksyms and the per-CPU helpers. var true: btf_id is a VAR of
	 * the target kernel's BTF, loaded by an ld_imm64 BPF_PSEUDO_BTF_ID: a
	 * variable of DATASEC .data..percpu is PTR_TO_BTF_ID|MEM_PERCPU of its
	 * type, another struct PTR_TO_BTF_ID, anything else read-only memory of
	 * its size. var false: btf_id is a type a per-CPU pointer was resolved
	 * to: PTR_TO_BTF_ID for a struct, else PTR_TO_MEM of its size (the
	 * helper's flags are the core's). 0, or a negative errno with
	 * out->msg (the kernel's words). NULL: not supported. */
	int (*btf_pointee)(void *ctx, uint32_t btf_id, bool var, struct bv_btf_pointee *out);
	/* The kfunc a call (BPF_PSEUDO_KFUNC_CALL) or an ld_imm64
	 * (BPF_PSEUDO_BTF_ID) names by its id in the kernel's BTF: 0 and *out
	 * filled; -ENOENT when btf_id is not a function of that BTF. NULL:
	 * kfunc calls are not supported. */
	int (*kfunc)(void *ctx, int32_t btf_id, int16_t off, struct bv_kfunc_desc *out);
	/* The kernel struct a map of this type is (its ops' map_btf_id:
	 * struct bpf_array for an array), for loads through the map's
	 * pointer: its id in the kernel's BTF (read with btf_struct_access);
	 * 0 when the kernel has none for the type; -1 not modelled. NULL:
	 * such loads are not supported. */
	int64_t (*map_btf_id)(void *ctx, uint32_t map_type);
	/* The program's own BTF type local_id, as bpf_obj_new() allocates
	 * it: 0 and *size for a struct of plain fields; -ENOENT when it is no
	 * struct (or no such type); -ENODATA when the program has no BTF;
	 * -EOPNOTSUPP, with the field's type in what[], for a struct holding
	 * fields the kernel gives meanings of their own (bpf_spin_lock,
	 * bpf_list_head, bpf_rb_root, bpf_refcount, kptrs, …). NULL: not
	 * supported. */
	int (*local_struct)(void *ctx, uint32_t local_id, uint32_t *size, char *what,
			    size_t what_size);
};

/* The facade's func_proto op, or NULL when it has none. */
static inline void (*bv_facade_func_proto(const struct bv_facade *f))(void *, uint32_t,
								       struct bv_func_proto *)
{
	if (!f || f->sz < offsetof(struct bv_facade, func_proto) + sizeof(f->func_proto))
		return NULL;
	return f->func_proto;
}

/* The facade's btf_pointee op, NULL when it has none (or is too old). */
static inline int (*bv_facade_btf_pointee(const struct bv_facade *f))(void *, uint32_t, bool,
									struct bv_btf_pointee *)
{
	if (!f || f->sz < offsetof(struct bv_facade, btf_pointee) + sizeof(f->btf_pointee))
		return NULL;
	return f->btf_pointee;
}

/* 1: the program is sleepable; 0: it is not; -1: the facade does not say. */
static inline int bv_prog_sleepable(const struct bv_facade *f)
{
	if (!f || f->sz < offsetof(struct bv_facade, sleepable) + sizeof(f->sleepable))
		return -1;
	return f->sleepable ? 1 : 0;
}

/* The facade's kfunc op, or NULL (also for a facade too old to carry it). */
static inline int (*bv_facade_kfunc(const struct bv_facade *f))(void *, int32_t, int16_t,
								 struct bv_kfunc_desc *)
{
	if (!f || f->sz < offsetof(struct bv_facade, kfunc) + sizeof(f->kfunc))
		return NULL;
	return f->kfunc;
}

/* Does the target kernel's verifier have behaviour f? A facade too old to
 * carry the field has none. */
static inline bool bv_kernel_has(const struct bv_facade *f, enum bv_feature feat)
{
	return f && f->sz >= offsetof(struct bv_facade, features) + sizeof(f->features) &&
	       (f->features & BV_FEAT_BIT(feat));
}

/* f->map_btf_id, or NULL when the facade predates it. */
static inline int64_t (*bv_facade_map_btf_id(const struct bv_facade *f))(void *, uint32_t)
{
	if (!f || f->sz < offsetof(struct bv_facade, map_btf_id) + sizeof(f->map_btf_id))
		return NULL;
	return f->map_btf_id;
}

/* f->local_struct, or NULL when the facade predates it. */
static inline int (*bv_facade_local_struct(const struct bv_facade *f))(void *, uint32_t,
									  uint32_t *, char *,
									  size_t)
{
	if (!f || f->sz < offsetof(struct bv_facade, local_struct) + sizeof(f->local_struct))
		return NULL;
	return f->local_struct;
}

#endif
