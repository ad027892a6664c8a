/* state.h — the abstract machine state the path walk carries, and the
 * per-run environment.
 *
 * Mirrors the kernel verifier's model (bpf_reg_state, bpf_func_state,
 * bpf_verifier_state, bpf_verifier_env) so that verdicts and messages can
 * match it; invariants are stated where the fields live.
 */
#ifndef BV_STATE_H
#define BV_STATE_H

#include <stdbool.h>
#include <stdint.h>

#include "bpfverify/facade.h"
#include "bpfverify/insn.h"
#include "log.h"
#include "prog.h"
#include "scalar.h"

#define BV_MAX_CALL_FRAMES 8
#define BV_REG_SIZE 8

/* One register. For BV_SCALAR, `s` is the value. For pointers, the pointed
 * address is base + off + s, where `off` is the fixed (constant) part and
 * `s` the variable part (var_off and bounds; constant 0 when none). */
struct bv_reg {
	bv_reg_type type;
	int32_t off;
	struct bv_scalar s;
	union {
		/* CONST_PTR_TO_MAP, PTR_TO_MAP_VALUE, PTR_TO_MAP_KEY */
		struct {
			const struct bv_map_desc *map;
			uint32_t index;
		} map;
		/* PTR_TO_PACKET*: bytes known to be inside the packet ("r=") */
		uint32_t range;
		/* PTR_TO_MEM, PTR_TO_BUF: size of the memory; a dynptr's
		 * slice also names its dynptr (kernel: dynptr_id), which
		 * destroying the dynptr invalidates */
		struct {
			uint32_t mem_size;
			uint32_t dynptr_id;
		};
		/* the spilled_ptr of BV_STACK_DYNPTR slots and
		 * CONST_PTR_TO_DYNPTR: which dynptr (dynptr.c), and whether
		 * this is its first (upper) slot */
		struct {
			uint8_t kind;
			bool first_slot;
		} dynptr;
		/* PTR_TO_BTF_ID */
		uint32_t btf_id;
		/* PTR_TO_FUNC: the subprogram whose address it is */
		uint32_t subprogno;
		/* iter.c, the first slot of an iterator on the stack
		 * (BV_STACK_ITER): its BTF struct, BV_ITER_ACTIVE or
		 * BV_ITER_DRAINED, and the iterations this path took */
		struct {
			uint32_t btf_id;
			uint32_t state;
			uint32_t depth;
		} iter;
	};
	/* Pointers that may be NULL, and packet pointers derived from the same
	 * source, share an id: a NULL check or a bounds check on one applies to
	 * all copies. Scalars copied from each other share an id too. 0 = none. */
	uint32_t id;
	/* A scalar with BV_ID_ADD_CONST in its id equals the scalar that had
	 * the id without the flag, plus `off` (r2 = r1; r2 += 4: a branch on
	 * r2 also bounds r1; kernel: BPF_ADD_CONST64/32). The 32 flavour
	 * comes from a 32-bit add/sub and zero-extends. */
#define BV_ID_ADD_CONST64 (1u << 31)
#define BV_ID_ADD_CONST32 (1u << 30)
#define BV_ID_ADD_CONST (BV_ID_ADD_CONST64 | BV_ID_ADD_CONST32)
	/* Referenced object (ringbuf record, socket, …) this pointer holds; 0 = none. */
	uint32_t ref_obj_id;
	/* Frame a PTR_TO_STACK points into. */
	uint32_t frameno;
	/* A scalar whose exact value a check below a kept state rested on (a
	 * branch decided by it, a pointer offset, a size): precision.c marks
	 * it in kept states, state.c compares it, callback.c does not widen it
	 * (kernel: precise). Meaningless in the current state. */
	bool precise;
	/* bpfverify: the instruction that produced this value, -1 if unknown
	 * (entry state); used for "why" notes only, never for verdicts. */
	int32_t origin;
};

/* Stack slot byte kinds (kernel: enum bpf_stack_slot_type). */
enum bv_slot_type {
	BV_STACK_INVALID = 0,   /* never written */
	BV_STACK_SPILL,         /* part of a spilled register */
	BV_STACK_MISC,          /* written with unknown data */
	BV_STACK_ZERO,          /* written with zero */
	BV_STACK_DYNPTR,
	BV_STACK_ITER,
	BV_STACK_IRQ_FLAG,
};

/* An 8-byte stack slot: spilled_ptr is meaningful when slot_type[] holds
 * BV_STACK_SPILL bytes. slot_type[i] describes byte (7 - i) of the slot
 * counted from its lower address, as in the kernel. */
struct bv_stack_slot {
	struct bv_reg spilled_ptr;
	uint8_t slot_type[BV_REG_SIZE];
};

/* One call frame. stack[i] covers bytes [-(i+1)*8, -i*8) below the frame
 * pointer; allocated_stack is a multiple of 8. */
struct bv_frame {
	struct bv_reg regs[BV_MAX_REG];
	int32_t callsite;        /* instruction of the call, -1 for the main frame */
	uint32_t frameno;
	uint32_t subprogno;
	uint32_t allocated_stack;
	struct bv_stack_slot *stack;
	/* callback.c: a callback's frame (bpf_loop, for_each_map_elem, …;
	 * kernel: in_callback_fn / in_async_callback_fn) with the range its
	 * R0 must have at exit, and the references held on entry. */
	uint8_t cb_kind;         /* BV_CB_NONE, BV_CB_SYNC, BV_CB_ASYNC */
	int32_t cb_ret_min, cb_ret_max;
	uint32_t cb_nr_refs;
	/* Callbacks this frame's callback-calling helper has had verified
	 * on this path (kernel: callback_depth). */
	uint32_t callback_depth;
};

enum { BV_CB_NONE = 0, BV_CB_SYNC, BV_CB_ASYNC };

enum bv_ref_type {
	BV_REF_PTR = 0,          /* acquired pointer (ringbuf record, socket, …) */
	BV_REF_LOCK,
	BV_REF_IRQ,
};

struct bv_ref {
	uint32_t id;
	int32_t insn;            /* where it was acquired */
	enum bv_ref_type type;
	const void *lock_ptr;
};

/* precision.c: an instruction of the path that backtracking cannot
 * rebuild from the program alone (kernel: bpf_insn_hist_entry): reached
 * from elsewhere than the instruction before it, a spill or fill of a
 * stack slot, or a branch that bounded linked scalars together. */
#define BV_HIST_STACK     0x1u   /* spill/fill of slot spi of frame frameno */
#define BV_HIST_SRC_STACK 0x2u   /* a branch compared a stack pointer */
#define BV_HIST_DST_STACK 0x4u
#define BV_LINKED_MAX 6
struct bv_hist_entry {
	int32_t idx, prev_idx;
	uint8_t flags, frameno, spi, nlinked;
	uint16_t linked[BV_LINKED_MAX];   /* frameno << 8 | is_reg << 6 | regno or spi */
};

/* A verifier state: the frames plus references and the path position. */
struct bv_state {
	struct bv_frame *frame[BV_MAX_CALL_FRAMES];
	uint32_t curframe;
	struct bv_ref *refs;
	uint32_t nr_refs;
	uint32_t active_locks;
	/* kfunc.c: inside bpf_rcu_read_lock() (taken at rcu_lock_insn) */
	bool active_rcu_lock;
	int32_t rcu_lock_insn;
	bool speculative;
	/* may_goto fall-throughs taken on this path (kernel: may_goto_depth)
	 * and callback iterations queued (kernel: callback_unroll_depth):
	 * states that differ in them are no infinite loop */
	uint32_t may_goto_depth;
	uint32_t callback_unroll_depth;
	/* loop_states.c (kernels with loop-entry): the kept state heading the
	 * outermost loop this state was found in, and the number of kept
	 * states above it on its path (kernel: loop_entry, dfs_depth) */
	struct bv_kept *loop_entry;
	uint32_t dfs_depth;
	/* Branch decisions on the way here, for "why" notes: the last few
	 * (insn, taken) pairs. */
	struct { int32_t insn; bool taken; } path[16];
	uint32_t path_len;       /* total decisions seen; path[] keeps the last 16 */
	/* explore.c: the nearest state kept for pruning on the way here (its
	 * branch count includes this path); NULL before the first one. */
	struct bv_kept *parent;
	/* precision.c: this state's part of the path, from first_insn (where
	 * the parent was kept, or the entry) to last_insn (kept states: the
	 * instruction before the one they were kept at). */
	struct bv_hist_entry *hist;
	uint32_t hist_len, hist_cap;
	int32_t first_insn, last_insn;
	/* precision.c: names this part of the path while it only grows (0:
	 * none yet; copies and restarts get a new one), for the memo of
	 * backtracking results */
	uint64_t hist_stamp;
};

/* Per-instruction side table. */
struct bv_insn_aux {
	bool seen;
	bv_reg_type ptr_type;    /* type of the pointer a load/store used */
	uint32_t ctx_field_size;
	/* call.c: bpf_loop inlining (0 unseen, 1 fit, 2 not) and its callback */
	uint8_t loop_inline;
	int32_t loop_cb_subprog;
	uint32_t visits;         /* limits.c: times the walk processed it (notes) */
};

struct bv_env;
struct bv_kept;      /* explore.c: a state kept at a prune point */

/* ---- state management (state.c) ---- */
struct bv_state *bv_state_new(uint32_t subprogno);
struct bv_state *bv_state_copy(const struct bv_state *src);
void bv_state_free(struct bv_state *st);
/* A callee's frame on entry: all registers NOT_INIT but R10. */
struct bv_frame *bv_frame_new(int32_t callsite, uint32_t frameno, uint32_t subprogno);
void bv_frame_free(struct bv_frame *f);
static inline struct bv_frame *bv_cur_frame(struct bv_state *st)
{
	return st->frame[st->curframe];
}
/* Does `old` describe every machine state `cur` does (BV_CMP_PRUNE: only
 * old's precise scalars are compared; BV_CMP_RANGE: every scalar's range,
 * for loops converging), or the same abstract state (BV_CMP_EXACT: loop
 * detection)? Kernel: NOT_EXACT, RANGE_WITHIN, EXACT. */
enum { BV_CMP_PRUNE = 0, BV_CMP_EXACT = 1, BV_CMP_RANGE = 2, BV_CMP_MODE = 3,
       /* flags: never-written stack bytes read as unknown ones (privileged);
	* a spilled scalar compares with unknown bytes as the scalar they load;
	* BV_CMP_RANGE lets old's valueless registers and slots match anything,
	* as BV_CMP_PRUNE does (feature loop-cmp-valueless-any) */
       BV_CMP_UNINIT_STACK = 0x10, BV_CMP_SPILL_MISC = 0x20, BV_CMP_RANGE_LOOSE = 0x40,
       /* ids compared as before 6.4 (features.h prune-ids-strict absent) */
       BV_CMP_LOOSE_IDS = 0x80,
       /* dynptr slots are never marked read (features.h dynptr-ids
	* absent): kept states ignore them */
       BV_CMP_DYNPTR_UNREAD = 0x100 };
bool bv_state_contains(const struct bv_state *old, const struct bv_state *cur,
		       int mode);
/* Grow a frame's stack to at least `size` bytes. Returns 0 or -ENOMEM. */
int bv_frame_grow_stack(struct bv_frame *f, uint32_t size);
/* Acquire a reference id (recorded in st->refs) / release it. */
uint32_t bv_ref_acquire(struct bv_env *env, int32_t insn, enum bv_ref_type type);
/* Releasing also invalidates every register and spill holding the object
 * (unknown scalar when allow_ptr_leaks, else NOT_INIT). -EINVAL when the
 * id is not held: the caller prints the kernel's message. */
int bv_ref_release(struct bv_env *env, uint32_t ref_obj_id);

/* ---- registers (reg.c) ---- */
void bv_reg_mark_unknown(struct bv_reg *r, int32_t origin);     /* scalar, any value */
void bv_reg_mark_known(struct bv_reg *r, uint64_t v, int32_t origin);
void bv_reg_mark_not_init(struct bv_reg *r);
/* Pointer of the given type at offset 0 with no variable part. */
void bv_reg_mark_ptr(struct bv_reg *r, bv_reg_type type, int32_t origin);
bool bv_reg_is_pointer(const struct bv_reg *r);
bool bv_reg_is_pkt_pointer(const struct bv_reg *r);  /* PACKET or PACKET_META */
/* The kernel's name for a register type in messages ("map_value_or_null",
 * "fp", "pkt", "ctx", "scalar", "rdonly_mem", "ringbuf_mem_or_null", …). */
const char *bv_reg_type_str(const struct bv_env *env, bv_reg_type type, char *buf, size_t size);
/* A tnum as the target kernel's log prints it (tnum_strn). */
int bv_tnum_str(const struct bv_env *env, struct bv_tnum t, char *buf, size_t size);
/* Log text of a register state, as the kernel's print_verifier_state. */
int bv_reg_format(const struct bv_env *env, const struct bv_reg *r, char *buf, size_t size);
/* The same, for a register of frame `frameno` (stack pointers into another
 * frame print as "fp[N]-8"). */
int bv_reg_format_in(const struct bv_env *env, const struct bv_reg *r, uint32_t frameno,
		     char *buf, size_t size);
/* Apply f to every register and spilled register of every frame of the
 * current state (the kernel's bpf_for_each_reg_in_vstate). */
void bv_for_each_reg(struct bv_state *st, void (*f)(struct bv_reg *r, void *arg), void *arg);

/* bpfverify "why" notes: explain where the value in regno (current frame)
 * came from and the branch decisions on this path (bv_note()s, not kernel
 * output). Call right after the bv_reject() about an access through it. */
void bv_explain_reg(struct bv_env *env, uint32_t regno);

/* ---- the environment (one per bv_verify) ---- */
struct bv_pending;   /* explore.c: branches waiting to be walked */
struct bv_explored;  /* explore.c: states kept at prune points */

struct bv_env {
	const struct bv_facade *f;
	struct bv_prog_info info;
	struct bv_log log;
	struct bv_result *res;
	struct bv_insn_aux *aux;        /* info.insn_cnt entries */
	struct bv_state *cur;
	int32_t insn_idx;
	int32_t prev_insn_idx;
	/* cause.c: the jump the current path took last (-1: none), for the
	 * cause of a leak at exit */
	int32_t last_jump_from;
	uint32_t id_gen;
	struct bv_pending *pending;
	struct bv_explored *explored;
	/* statistics */
	uint32_t insn_processed;
	uint32_t total_states, peak_states, cur_states, max_states_per_insn;
	/* set by passes */
	bool seen_direct_write;          /* packet writes: needs a writable ctx type */
	/* kfunc.c: a call of libbpf's unresolved weak kfunc (id 0) was
	 * reached: the kernel refuses the program after the walk */
	bool seen_unresolved_kfunc;
	int32_t unresolved_kfunc_insn;
	/* callback.c: the branch being queued is a timer callback's entry
	 * (limits.c words its jump-sequence limit as the kernel's
	 * push_async_cb does) */
	bool pushing_async_cb;
	/* explore.c: jumps seen (for the checkpoint heuristic), and the
	 * counters at the last kept state */
	uint32_t jmps_processed, prev_jmps_processed, prev_insn_processed;
	/* Registers of the current frame an instruction read or wrote, for
	 * the level-1 log's per-instruction state (kernel: "scratched"). */
	uint32_t scratched_regs;
	uint64_t scratched_stack;        /* bit i: slot i of the current frame */
	/* explore.c: the deepest stack each subprogram used (bytes), for the
	 * combined stack size check after the walk */
	uint32_t stack_depth[BV_MAX_SUBPROGS + 1];
	/* global_func.c: prototypes and progress of the global functions */
	struct bv_globals *globals;
	/* fastcall.c: bpf_fastcall spill/fill pairs (NULL: feature absent) */
	struct bv_fastcall *fastcall;
	/* precision.c: insn_processed when the last history entry was
	 * recorded (one entry per instruction) */
	uint32_t hist_step;
	/* precision.c: the instruction the walk came from to hist_at (the
	 * walk moves env->prev_insn_idx on before the instruction's checks
	 * record their entries) */
	int32_t hist_at, hist_from;
	/* explore.c: insn_processed + 1 when a state was last kept (its
	 * path part starts at the instruction being arrived at) */
	uint32_t hist_kept_step;
	/* precision.c: backtracking results on the current path part, reused
	 * when a later backtracking reaches the same point the same way */
	struct bv_prec_memo *prec_memo;
	uint64_t hist_stamp_gen;
	/* tail_call.c -> explore.c: this helper call returns from the
	 * subprogram (a successful tail call, 6.18) */
	bool tail_call_exit;
};

static inline uint32_t bv_new_id(struct bv_env *env) { return ++env->id_gen; }
static inline struct bv_reg *bv_cur_regs(struct bv_env *env)
{
	return bv_cur_frame(env->cur)->regs;
}

/* ---- precision tracking (precision.c) ---- */
/* explore.c: the state kept in k. */
struct bv_state *bv_kept_state(const struct bv_kept *k);
/* History: the walk arrived at env->insn_idx (from env->prev_insn_idx);
 * a spill or fill of a stack slot; a branch comparing stack pointers; a
 * branch bounding the scalars linked by id1/id2 together. 0 or -ENOMEM. */
int bv_hist_arrive_slow(struct bv_env *env);
static inline int bv_hist_arrive(struct bv_env *env)
{
	int32_t idx = env->insn_idx, prev = env->prev_insn_idx;

	/* every instruction arrives: the common one (straight on, not a
	 * jump target) is decided here without a call */
	env->hist_at = idx;
	env->hist_from = prev;
	if (!(env->info.insn_flags[idx] & BV_INSN_JMP_POINT) && (prev < 0 || prev == idx - 1))
		return 0;
	return bv_hist_arrive_slow(env);
}
int bv_hist_stack_access(struct bv_env *env, uint32_t frameno, uint32_t spi);
int bv_hist_cond_jmp(struct bv_env *env, bool src_stack, bool dst_stack);
int bv_hist_linked(struct bv_env *env, uint32_t id1, uint32_t id2);
/* explore.c: st's part of the path restarts at first_insn (a new kept
 * parent); is it long enough to force a checkpoint? */
void bv_hist_reset(struct bv_state *st, int32_t first_insn);
bool bv_hist_long(const struct bv_env *env, const struct bv_state *st);
/* The check at env->insn_idx rests on the exact value of scalar regno of
 * the current frame: mark it and what it came from precise in the kept
 * states of the path (kernel: mark_chain_precision). Non-scalars: no-op. */
int bv_mark_precise(struct bv_env *env, uint32_t regno);
/* The same for stack slot spi of frame frameno (a spilled constant). */
int bv_mark_precise_slot(struct bv_env *env, uint32_t frameno, uint32_t spi);
/* The current state is pruned by kept state old: old's precise scalars
 * are precise on the current path too (kernel: propagate_precision). */
int bv_propagate_precision(struct bv_env *env, const struct bv_state *old);
/* Before a state is kept: its inherited marks are forgotten. */
void bv_mark_all_imprecise(struct bv_state *st);
/* End of a walk: the backtracking memo goes. */
void bv_precision_free(struct bv_env *env);
/* explore.c, for precision.c's level-2 lines: a kept state's frame as the
 * kernel's print_verifier_state prints it (precise scalars with "P"), and
 * an instruction's text as the log shows it. */
void bv_log_kept_frame(struct bv_env *env, const struct bv_state *st, uint32_t frameno);
void bv_log_insn_text(struct bv_env *env, const struct bv_insn *insn, char *buf, size_t size);
/* The same as bv_propagate_precision for path st ended at insn (a loop's
 * back-edge, later); *changed learns whether a kept state gained a mark. */
int bv_propagate_precision_from(struct bv_env *env, const struct bv_state *old,
				struct bv_state *st, int32_t insn, bool *changed);
/* Every scalar of the kept states above st is precise. */
void bv_mark_path_precise(struct bv_env *env, struct bv_state *st);

/* ---- loop visits (loop_states.c; kernels with scc-loops) ----
 * NULL (every call a no-op) on kernels without the feature. `kept` is the
 * explore.c record of a kept state, compared by address only. */
struct bv_loops;
int bv_loops_new(struct bv_env *env, struct bv_loops **out);
void bv_loops_free(struct bv_loops *l);
/* The loop (strongly connected component, numbered from 1) insn is in; 0: none. */
uint32_t bv_loops_scc(const struct bv_loops *l, int32_t insn);
/* A state was kept at insn: the first one of its loop visit is its entry. */
int bv_loops_enter(struct bv_loops *l, const struct bv_state *st, int32_t insn,
		   const void *kept);
/* May the marks of kept state st (at insn) be incomplete (its loop visit
 * has back-edges)? Then it compares every scalar's range. */
bool bv_loops_incomplete(const struct bv_loops *l, const struct bv_state *st, int32_t insn);
/* 6.12's loop rule (loop-entry): the kept state heading st's outermost
 * loop, NULL when none (kernel: get_loop_entry); record that cur's path
 * met kept state hdr of a loop (update_loop_entry); a path below kept
 * state k ended (k_parent: k's kept parent) (update_branch_counts). */
struct bv_kept *bv_loop_entry_of(const struct bv_state *st);
void bv_loop_entry_update(struct bv_state *cur, struct bv_kept *hdr);
/* explore.c: a kept state's live paths and its kept parent. */
uint32_t bv_kept_branches(const struct bv_kept *k);
/* bv_state_contains for a kept state that keeps its dead registers (its
 * loop visit has back-edges): registers no later instruction reads are
 * left out on both sides (kernel: func_states_equal's live_regs). */
bool bv_loops_state_contains(struct bv_state *old, struct bv_state *cur, int32_t insn,
			     const uint16_t *live_regs, int mode);
/* The current path was pruned at insn by kept state equal, in a loop. */
int bv_loops_backedge(struct bv_env *env, struct bv_loops *l, const struct bv_state *equal,
		      int32_t insn);
/* Kept state st (at insn) has no path left below it: if it entered its
 * loop visit, the back-edges' marks are propagated and dropped. */
int bv_loops_exit(struct bv_env *env, struct bv_loops *l, const struct bv_state *st,
		  int32_t insn, const void *kept);

/* ---- instruction checks, called by the path walk (explore.c) ----
 * Each returns 0 to continue, or a negative errno after bv_reject() /
 * bv_unsupported(). */
/* alu.c: BV_ALU/BV_ALU64 (scalar and pointer arithmetic). */
int bv_check_alu(struct bv_env *env, const struct bv_insn *insn);
/* alu.c: register read/write checks ("R%d !read_ok", "frame pointer is read only"). */
int bv_check_reg_read(struct bv_env *env, uint32_t regno);
int bv_check_reg_write(struct bv_env *env, uint32_t regno);
/* live.c: what each instruction's successors may still use, computed
 * once before the walk so that kept states can forget the rest. */
struct bv_liveness {
	uint16_t *regs;      /* per insn: registers (bit n = Rn) read later */
	uint64_t *stack;     /* per insn: own-frame slots (bit i = fp-8(i+1)) read later */
};
int bv_liveness_compute(const struct bv_env *env, struct bv_liveness *lv);
void bv_liveness_free(struct bv_liveness *lv);
/* explore.c: the path walk of the program from its entry (kernel:
 * do_check_main → do_check). Returns 0 when every path ends well. */
int bv_explore_main(struct bv_env *env);
/* explore.c: the same from subprogram sp's entry with R1-R5 = args[1..5]
 * (a global function verified on its own); args NULL: the main program. */
int bv_explore_entry(struct bv_env *env, uint32_t sp, const struct bv_reg *args);
/* global_func.c: every walk the kernel makes (the main program and the
 * global functions, in the target kernel's order). */
int bv_verify_program(struct bv_env *env);
/* global_func.c: a call to global function sp: the caller's registers
 * against its prototype, then R0 unknown and R1-R5 clobbered. */
int bv_global_func_call(struct bv_env *env, uint32_t sp);
/* global_func.c: BPF_EXIT of a global function's own walk (R0 a scalar). */
int bv_global_func_exit(struct bv_env *env);
void bv_globals_free(struct bv_env *env);
/* fastcall.c: find the spill/fill pairs before the walk (-1: out of
 * memory); a stack access of the walk at off of subprogram sp's frame;
 * after the walk, drop the pairs from the stack depths. */
int bv_fastcall_mark(struct bv_env *env);
void bv_fastcall_stack_access(struct bv_env *env, uint32_t sp, int32_t insn_idx, int32_t off);
void bv_fastcall_drop_spills(struct bv_env *env);
void bv_fastcall_free(struct bv_env *env);
/* limits.c: the kernel's complexity limits, each reported where its log
 * does, with a note on what drove the walk there. One more instruction
 * processed at idx (0, or -E2BIG past the limit); too many branches
 * pending (from: the instruction that queued each, `stride` bytes apart);
 * the state at prune point idx repeats one still being walked. */
int bv_limit_too_large(struct bv_env *env);
/* inline: it runs on every processed instruction; the limit is rare */
static inline int bv_limit_count_insn(struct bv_env *env, int32_t idx)
{
	uint32_t limit = env->f->insn_processed_limit ? env->f->insn_processed_limit : 1000000u;

	env->aux[idx].visits++;
	return ++env->insn_processed <= limit ? 0 : bv_limit_too_large(env);
}
int bv_limit_jmp_seq(struct bv_env *env, uint32_t pending, const int32_t *from,
		     size_t stride);
int bv_limit_infinite_loop(struct bv_env *env, int32_t idx);
/* limits.c: may a state be kept at an instruction that has `states`
 * already (unprivileged loaders: at most 64)? */
bool bv_limit_may_keep_state(const struct bv_env *env, uint32_t states);
/* explore.c: set up and free env->pending / env->explored. */
void bv_explore_free(struct bv_env *env);
/* jmp.c: conditional BV_JMP/BV_JMP32 (not JA, CALL, EXIT). Continues on
 * the fall-through edge and pushes the jump edge when both are possible;
 * sets *insn_idx to the jump target minus one when only the jump is. */
int bv_check_cond_jmp(struct bv_env *env, const struct bv_insn *insn, int32_t *insn_idx);
/* explore.c: queue a copy of the current state to be walked from insn_idx
 * later (kernel: push_stack). Returns the copy for the caller to refine,
 * or NULL after reporting the error (too many pending branches, -ENOMEM). */
struct bv_state *bv_push_branch(struct bv_env *env, int32_t insn_idx, int32_t prev_insn_idx);
/* mem.c: BV_LDX/BV_STX/BV_ST/atomics and ld_imm64 (maps, global data). */
int bv_check_load_store(struct bv_env *env, const struct bv_insn *insn);
int bv_check_ld_imm64(struct bv_env *env, const struct bv_insn *insn);
int bv_check_ld_abs(struct bv_env *env, const struct bv_insn *insn);
/* mem.c: a memory access through register regno at off of size bytes;
 * value_regno receives the loaded value (-1: none). Used by loads/stores
 * and by helper argument checks. */
int bv_check_mem_access(struct bv_env *env, int32_t insn_idx, uint32_t regno,
			int32_t off, uint32_t size, enum bv_access t,
			int32_t value_regno, bool sign_ext);
/* mem.c: is [reg+off, reg+off+size) accessible memory (helper arguments:
 * "invalid indirect read from stack …", map value bounds, …)? */
int bv_check_helper_mem_access(struct bv_env *env, uint32_t regno, int32_t access_size,
			       bool zero_size_allowed, enum bv_access t);
/* mem.c: a helper argument that the helper only writes (kernel: raw mode,
 * ARG_PTR_TO_MEM | MEM_UNINIT): the stack range is bounds-checked here and
 * recorded, and the call marks it written after every argument passed. */
struct bv_raw_mem {
	bool raw_mode;           /* in: the argument is write-only memory */
	uint32_t regno;          /* out: the pointer register, when recorded */
	int32_t access_size;     /* out: bytes to mark written (0: none) */
};
/* const_str.c: an ARG_PTR_TO_CONST_STR argument (a NUL-terminated string
 * at a constant offset of a frozen read-only map), and bpf_snprintf's
 * format check ("Invalid format string"). */
int bv_check_const_str(struct bv_env *env, uint32_t regno);
int bv_check_snprintf_call(struct bv_env *env);
/* mem.c: bv_check_helper_mem_access with raw-mode tracking (raw may be NULL). */
int bv_check_helper_mem_access_raw(struct bv_env *env, uint32_t regno,
				   int32_t access_size, bool zero_size_allowed,
				   enum bv_access t, struct bv_raw_mem *raw);
/* mem.c: the kernel's check_ptr_alignment of register regno at `off`
 * for `size` bytes (strict: whatever the pointer type). */
int bv_check_ptr_alignment(struct bv_env *env, uint32_t regno, int32_t off, int size,
			   bool strict);
/* mem.c: may this program type touch packet data directly (helpers:
 * only those whose prototype accepts packet memory)? */
bool bv_may_access_pkt(struct bv_env *env, enum bv_access t, bool pkt_access);
/* mem.c: a pointer that must be used unmodified (context, map pointer,
 * release arguments): "dereference of modified %s ptr R%d off=%d
 * disallowed", … (kernel __check_ptr_off_reg). */
int bv_check_ptr_off_reg(struct bv_env *env, uint32_t regno, bool fixed_off_ok);
/* sock.c: a load through a socket pointer (the kernel's check_sock_access)
 * and an access to struct bpf_flow_keys (check_flow_keys_access). */
int bv_check_sock_access(struct bv_env *env, int32_t insn_idx, uint32_t regno, int32_t off,
			 int size, enum bv_access t);
int bv_check_flow_keys_access(struct bv_env *env, int32_t insn_idx, int32_t off, int size);
/* btf_ptr.c: a load or store through a non-NULL BTF-typed pointer at off
 * (the instruction's offset plus the pointer's fixed one) (kernel:
 * check_ptr_to_btf_access); the field is the facade's to find. */
/* map_ptr.c: a load through a map's own pointer (CONST_PTR_TO_MAP) */
int bv_check_map_ptr_access(struct bv_env *env, int32_t insn_idx, uint32_t regno, int32_t off,
			    int32_t size, enum bv_access t, int32_t value_regno);
/* A load of size bytes at off of the kernel struct btf_id through a pointer
 * of type `type` (btf_ptr.c): the field walk, then value_regno's type. */
int bv_btf_struct_load(struct bv_env *env, int32_t insn_idx, uint32_t btf_id, uint32_t type,
		       int32_t off, int32_t size, enum bv_access t, int32_t value_regno);
int bv_check_ptr_to_btf_access(struct bv_env *env, int32_t insn_idx, uint32_t regno,
			       int32_t off, int size, enum bv_access t, int32_t value_regno);
/* btf_ptr.c: is the BTF-typed pointer in regno a want_btf_id, as a helper
 * argument expects ("R1 is of type X but Y is expected")? */
int bv_check_btf_arg(struct bv_env *env, uint32_t regno, uint32_t want_btf_id, bool strict);
/* ksym.c: the register an ld_imm64 BPF_PSEUDO_BTF_ID of a typed ksym
 * loads; R0 of bpf_per_cpu_ptr()/bpf_this_cpu_ptr() for a per-CPU pointer
 * of type ret_btf_id, with the helper's return flags. */
int bv_ld_imm64_ksym(struct bv_env *env, const struct bv_insn *insn, struct bv_reg *dst);
int bv_percpu_ptr_return(struct bv_env *env, uint32_t ret_btf_id, bv_reg_type flags,
			 struct bv_reg *r0);
/* lock.c: bpf_spin_lock/unlock's argument in regno (takes or drops the
 * lock); a call (bpf-to-bpf, kfunc, helper) while a lock is held; an exit
 * while a lock is held (older kernels' wording, and subprogram exits). */
int bv_process_spin_lock(struct bv_env *env, uint32_t regno, bool is_lock);
int bv_check_call_in_lock(struct bv_env *env, const struct bv_insn *insn);
int bv_check_exit_in_lock(struct bv_env *env);
/* a note at the bpf_spin_lock still held, if any */
void bv_note_held_lock(struct bv_env *env);
/* A global function called while a lock is held (kernels that allow
 * static calls there): the kernel's two lines and a note at the lock. */
int bv_global_call_in_lock(struct bv_env *env);

/* tail_call.c: bpf_tail_call's map must be a prog array; nothing may be
 * held across the call; a subprogram with a tail call under at most 256
 * bytes of callers' stack (callers_depth: their combined, rounded stack). */
int bv_check_tail_call_map(struct bv_env *env, const struct bv_map_desc *map);
int bv_check_tail_call(struct bv_env *env);
/* At the end of the helper call: on kernels where a tail call in a
 * subprogram returns from it, queue the fall-through and set
 * env->tail_call_exit (explore.c then leaves the subprogram). */
int bv_tail_call_subprog_exit(struct bv_env *env);
int bv_check_tail_call_stack(struct bv_env *env, uint32_t subprog, uint32_t callers_depth);

/* ref_note.c: notes at the acquiring call of a leaked reference, and at
 * the releasing call for a register that held a released object (returns
 * whether it was one). */
void bv_note_leaked_ref(struct bv_env *env, const struct bv_ref *ref);
/* The helper prototype of the call at idx, NULL when idx is not a helper
 * call or the facade does not know it. */
const struct bv_helper_proto *bv_helper_at(struct bv_env *env, int32_t idx);
/* cause.c: bv_result.cause for fix-its. Call bv_cause_first() before the
 * rejection, bv_cause_set() after it: only the reported rejection counts. */
bool bv_cause_first(const struct bv_env *env);
/* explore.c calls it on arriving at env->insn_idx from env->prev_insn_idx. */
void bv_cause_arrive(struct bv_env *env);
void bv_cause_set(struct bv_env *env, bool first, enum bv_cause_kind kind,
		  int32_t insn, int32_t regno);
bool bv_note_released_reg(struct bv_env *env, uint32_t regno, const struct bv_reg *r);
/* a release of a pointer no reference backs: where it came from */
void bv_note_unreferenced_release(struct bv_env *env, uint32_t regno, const struct bv_reg *r);
/* why_note.c: the call that invalidated a packet pointer regno held
 * (returns whether it was one); why regno is unreadable; the failing
 * path's last `max` distinct branch decisions (at most 4), oldest first. */
bool bv_note_invalidated_pkt(struct bv_env *env, uint32_t regno, const struct bv_reg *r);
void bv_note_unreadable_reg(struct bv_env *env, uint32_t regno);
void bv_note_path(struct bv_env *env, uint32_t max);
/* the range a pointer's variable offset had, or how much of the packet a
 * packet pointer was proven to reach (returns whether that says where the
 * pointer came from, so no origin note is needed) */
bool bv_note_ptr_bounds(struct bv_env *env, uint32_t regno, const struct bv_reg *r);

/* call.c: no lock held and no reference leaked at a point that ends the
 * program (exit, tail call, LD_ABS): prefix names it in the kernel's
 * "%s would lead to reference leak" message. */
int bv_check_resource_leak(struct bv_env *env, bool check_lock, const char *prefix);
/* callback.c: ld_imm64 of a subprogram's address (BPF_PSEUDO_FUNC). */
int bv_check_ld_imm64_func(struct bv_env *env, const struct bv_insn *insn);
/* callback.c: a helper that calls back into the program (bpf_loop,
 * bpf_for_each_map_elem, bpf_find_vma, …), called by the helper check
 * while the caller's argument registers still hold the arguments. Sets
 * *enter_now to the callback's frame when the kernel walks the callback
 * at once in the caller's path (kernel without callback iteration): the
 * call check then calls bv_callback_enter (which takes the frame) after
 * it has set the helper's return value. */
int bv_callback_helper(struct bv_env *env, const struct bv_helper_proto *fn,
		       uint32_t subprogno, struct bv_frame **enter_now);
int bv_callback_enter(struct bv_env *env, struct bv_frame *callee, int32_t *insn_idx);
/* callback.c: EXIT of a callback frame: R0 in the callback's range, and
 * where the walk goes on (*insn_idx). 1: the frame was a callback and has
 * been left; 0: not a callback (the caller returns as from a subprogram). */
int bv_callback_exit(struct bv_env *env, int32_t *insn_idx);
/* callback.c: an ARG_PTR_TO_TIMER argument (kernel: process_timer_func);
 * sets *meta_map to the timer's map. */
int bv_check_timer_arg(struct bv_env *env, uint32_t regno,
		       const struct bv_map_desc **meta_map);
/* callback.c: the exit of a timer callback (frame 0 of its own state). */
int bv_callback_async_exit(struct bv_env *env);
/* explore.c: a queued state that does not continue the current path
 * (a timer callback) stops counting as a branch of its kept ancestors. */
void bv_branch_detach(struct bv_env *env, struct bv_state *st);
/* callback.c: may_goto (BPF_JCOND): the jump is taken, the fall-through
 * queued with one more may_goto level. */
int bv_check_may_goto(struct bv_env *env, const struct bv_insn *insn, int32_t *insn_idx);
/* explore.c: the state kept at insn on this path that is still being
 * walked (a loop's previous visit), or NULL (kernel: find_prev_entry). */
struct bv_state *bv_loop_entry_state(struct bv_env *env, int32_t insn, bool skip_newest);
/* callback.c: scalars of cur that differ from old's become unknown
 * (kernel: widen_imprecise_scalars; bpfverify has no precision marks and
 * widens every scalar that changed). */
void bv_widen_scalars(const struct bv_state *old, struct bv_state *cur);
/* call.c: may an argument register of this type carry an offset (memory
 * pointers and scalars; kernel: check_func_arg_reg_off's accepted types)? */
bool bv_arg_may_have_off(bv_reg_type t);
/* call.c: packet data may have moved (a helper that changes it, a global
 * function that calls one): every packet pointer of st becomes unusable. */
void bv_invalidate_pkt_pointers(struct bv_env *env, struct bv_state *st);
/* call.c: BV_CALL of a helper (not a pseudo call). */
int bv_check_helper_call(struct bv_env *env, const struct bv_insn *insn, int32_t *insn_idx);
/* iter.c: open-coded iterators (kernel: process_iter_arg,
 * process_iter_next_call). The iterator argument of a method: its stack
 * slots checked and, for new/destroy, created or destroyed; m learns
 * where it lives for the next call. */
enum { BV_ITER_ACTIVE = 1, BV_ITER_DRAINED = 2 };
struct bv_iter_meta {
	uint32_t frameno, spi;
	uint32_t ref_obj_id;
};
int bv_iter_process_arg(struct bv_env *env, const struct bv_kfunc_desc *d, uint32_t regno,
			struct bv_iter_meta *m);
/* After an iter_next call's R0 is set: the current path goes on with the
 * iterator drained (R0 = NULL), a queued one with it active (R0 not NULL)
 * one iteration deeper. */
int bv_iter_next_call(struct bv_env *env, const struct bv_iter_meta *m);
/* explore.c, at an iter_next call: is the iterator R1 points to active
 * in st (then a state seen here, within its ranges, prunes)? */
bool bv_iter_next_active(const struct bv_state *st);
/* Do an active iterator's depths differ between old and cur (not an
 * infinite loop then, kernel: iter_active_depths_differ)? */
bool bv_iter_active_depths_differ(const struct bv_state *old, const struct bv_state *cur);
/* explore.c's log: "iter_num(ref_id=2,state=active,depth=0)" for an
 * iterator's first slot (false for its other slots). */
bool bv_iter_slot_format(const struct bv_env *env, const struct bv_stack_slot *s, char *buf,
			 size_t size);
/* state.c: do the iterator slots old and cur match (type and state; the
 * depth is not compared)? */
bool bv_iter_slot_matches(const struct bv_stack_slot *old, const struct bv_stack_slot *cur);
/* kfunc.c: BV_CALL of a kernel function (BPF_PSEUDO_KFUNC_CALL). */
int bv_check_kfunc_call(struct bv_env *env, const struct bv_insn *insn);
/* kfunc.c: the program ends (prefix: exit, tail call) inside
 * bpf_rcu_read_lock(): the kernel's refusal, with a note at the lock. */
int bv_check_rcu_region_end(struct bv_env *env, const char *prefix);
/* call.c: BV_EXIT from the main program: R0 initialised and in the return
 * range, no leaked references or locks. */
int bv_check_exit(struct bv_env *env);
/* call.c: "At WHAT the register R0 has ... should have been in [MIN, MAX]" */
void bv_retval_range_msg(char *line, size_t size, const char *what, const struct bv_reg *r0,
			 int32_t min, int32_t max);

#endif
