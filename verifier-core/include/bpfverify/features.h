/* bpfverify/features.h — verifier behaviours that differ between kernels,
 * each named once.
 *
 * A kernel profile (btf-db/profiles/NAME/facts.json, "features") lists the
 * behaviours its verifier has by these names; the facade hands them to the
 * core as a bit set (struct bv_facade.features) and the core asks
 * bv_kernel_has(facade, BV_FEAT_X) — never a version number. This is the
 * way libbpf names kernel features once and asks kernel_supports(FEAT_X).
 *
 * Add a behaviour: one line in BV_FEATURES (name, what it means), then the
 * facts files of the profiles whose verifier has it. Names are stable: they
 * are data in the profiles.
 */
#ifndef BPFVERIFY_FEATURES_H
#define BPFVERIFY_FEATURES_H

#include <stdbool.h>
#include <stdint.h>

/* X(ENUM_SUFFIX, "name in facts.json", "what the kernel does when it has it")
 *
 * Each name is a behaviour a verifier gained at some point; a profile lists
 * those its kernel has, and a kernel without one behaves as the verifiers
 * before it did (described after "else"). */
#define BV_FEATURES(X) \
	X(CPUV4_INSNS, "cpuv4-insns", \
	  "knows the cpu v4 instructions: sign-extending loads (ldsx) and moves (movsx), " \
	  "signed division and modulo, 64-bit bswap; else 'BPF_LDX uses reserved fields', " \
	  "'BPF_MOV/BPF_ALU uses reserved fields', 'unknown opcode d7' (gotol is known " \
	  "to every profile)") \
	X(MAY_GOTO, "may-goto", \
	  "knows the may_goto instruction (BPF_JMP|BPF_JCOND); else 'unknown opcode e5'") \
	X(HELPER_PROG_TYPE_MSG, "helper-prog-type-msg", \
	  "a helper the kernel knows but the program type may not call is 'program of " \
	  "this type cannot use helper NAME#ID'; else 'unknown func NAME#ID'") \
	X(CONST_KEY_NONNULL, "array-lookup-const-key-nonnull", \
	  "bpf_map_lookup_elem of an (percpu) array with a constant key below max_entries " \
	  "returns map_value, never NULL; else map_value_or_null as for any key") \
	X(UNINIT_STACK_READ, "uninit-stack-read", \
	  "privileged (CAP_PERFMON) programs may read stack below what the path has " \
	  "written, directly or through helpers (the stack grows); else 'invalid read " \
	  "from stack R10 off=-8 size=8', 'invalid indirect read from stack R2 off -16+0 " \
	  "size 16'") \
	X(STACK_HELPER_RW_MSG, "stack-helper-rw-msg", \
	  "a helper's stack access is checked and worded as the read or write it is " \
	  "('invalid read from stack R1 off=-8 size=16'); else as a write, worded " \
	  "'invalid indirect access to stack R1 off=-8 size=16', 'invalid indirect read " \
	  "from stack R1 off -64+0 size 63'") \
	X(MUL_SIGNED_BOUNDS, "mul-signed-bounds", \
	  "a multiplication keeps signed bounds (the corner products) and unsigned ones " \
	  "when they do not overflow; else bounds survive only when both operands are " \
	  "non-negative and below 2^32 (2^16 for 32-bit)") \
	X(RETVAL_BOUNDS, "retval-bounds", \
	  "R0 at exit is checked by its signed bounds, worded 'has smin=2 smax=2 should " \
	  "have been in [0, 1]'; else by its tnum, worded 'has value (0x2; 0x0) should " \
	  "have been in (0x0; 0x1)'") \
	X(TNUM_CONST_NUMBER, "tnum-const-number", \
	  "a constant tnum in a message is printed as its number ('off 0+0+-12'); else " \
	  "as a tnum ('off (0x0; 0x0)+0+-12')") \
	X(ZERO_SIZE_MSG_BOUNDS, "zero-size-msg-bounds", \
	  "a helper size that may be 0 where 0 is not allowed is 'R4 invalid zero-sized " \
	  "read: u64=[0,40]'; else the memory's own check of size 0 refuses it ('invalid " \
	  "zero-sized read', 'invalid access to map value, … size=0')") \
	X(RINGBUF_MEM_NAME, "ringbuf-mem-name", \
	  "ring buffer records are named ringbuf_mem in messages; else alloc_mem") \
	X(VAR_OFF_STACK_MSG_OFF, "var-off-stack-msg-off", \
	  "a variable-offset stack access out of bounds names its fixed offset too " \
	  "('var_off=(0x0; 0x1f) off=-16 size=1'); else 'var_off=(0x0; 0x1f) size=1'") \
	X(STACK_ROUND_16, "stack-round-16", \
	  "the combined stack of a call chain rounds each frame to 16 bytes (JIT); else " \
	  "to 32 bytes, at least 32") \
	X(CFG_CALL_LOOPS, "cfg-call-loops", \
	  "a call back into a caller (recursion) passes the CFG check and is stopped by " \
	  "the call depth limit; else 'back-edge from insn 17 to 4'") \
	X(NARROW_FILL, "narrow-fill", \
	  "a fill narrower than a spilled scalar, from its start, reads the spilled value " \
	  "narrowed (and all-zero bytes read 0); else only a fill of the spill's own size " \
	  "keeps the value, others read an unknown scalar") \
	X(REG_REG_BOUNDS, "reg-reg-bounds", \
	  "a conditional jump between two non-constant scalars refines both ranges and " \
	  "may be decided by them; else only a constant operand refines the other (two " \
	  "registers: 64-bit equality only) and only a constant source decides the jump " \
	  "(`==`/`!=`: only a constant register, not a range without the constant)") \
	X(JMP32_KEEPS_64, "jmp32-keeps-64", \
	  "a 32-bit conditional jump keeps the 64-bit bounds and deduces them together " \
	  "with the new 32-bit ones; else the 64-bit bounds are forgotten unless the " \
	  "upper half is known zero") \
	X(BSWAP_TNUM, "bswap-tnum", \
	  "a byte swap keeps what is known of the value: bswap and be16/be32/be64 " \
	  "swap the tnum's bytes, le16/le32 cut it to its low bytes, le64 changes " \
	  "nothing, and the ranges follow the tnum ('r = be16 r' gives var_off=(0x0; " \
	  "0xffff) or better); else the result is an unknown scalar") \
	X(MIGHT_SLEEP_CHECK, "might-sleep-check", \
	  "a helper that may sleep (bpf_copy_from_user, …) is offered to every program " \
	  "that may be sleepable, and the verifier refuses the call from a non-sleepable " \
	  "one: 'helper call might sleep in a non-sleepable prog'; else such helpers are " \
	  "offered to sleepable programs only, and a non-sleepable one meets an unknown " \
	  "helper") \
	X(LINKED_ADD_CONST, "linked-add-const", \
	  "`rX += K` keeps rX linked to its copies, K apart, so a bound learnt on one " \
	  "applies to the others; else the addition unlinks rX") \
	X(TRUSTED_PTR_ARGS, "trusted-ptr-args", \
	  "helper arguments that take a BTF pointer (memory, sock_common, BTF ids) " \
	  "also take a trusted one, listed as trusted_ptr_ in 'expected='; else not " \
	  "('expected=sock_common, sock, tcp_sock, xdp_sock, ptr_')") \
	X(BTF_TRUSTED_PTRS, "btf-trusted-ptrs", \
	  "BTF-typed pointers carry trust: tp_btf, iterator and LSM arguments and " \
	  "bpf_get_current_task_btf() are trusted_ptr_, fields the kernel's BTF lists " \
	  "as safe (task_struct__safe_rcu, …) stay trusted or rcu_ when walked, others " \
	  "become plain ptr_; else every BTF pointer is a plain ptr_") \
	X(TP_BTF_NULL_ARGS, "tp-btf-null-args", \
	  "tp_btf arguments the kernel knows may be NULL (sched_pi_setprio's pi_task, " \
	  "…) are ptr_or_null_ and must be checked; else every argument is non-NULL") \
	X(LSM_RETVAL_RANGE, "lsm-retval-range", \
	  "an LSM program's return value is checked against its hook's range ([-4095, " \
	  "0] for int hooks, [0, 1] for bool ones); else any value is accepted") \
	X(PLAIN_BTF_WALK_UNTRUSTED, "plain-btf-walk-untrusted", \
	  "a pointer loaded through a plain (neither trusted nor RCU) BTF pointer is " \
	  "untrusted_ptr_ (observed on 6.18: an iterator's file->f_inode passed to a " \
	  "helper gives 'R2 type=untrusted_ptr_ expected=ptr_, …'); else a plain ptr_") \
	X(CTX_PTR_ARG_SIZE8, "ctx-ptr-arg-size-8", \
	  "a pointer argument of a tracing context must be read with an 8-byte load " \
	  "(\"func 'f' size 4 must be 8\"); else narrower loads read a scalar") \
	X(SPILL_ANY_SCALAR, "spill-any-scalar", \
	  "an aligned store of any scalar register (or of an immediate) to the stack " \
	  "is a spill that keeps the value; else only a bounded, non-zero one is: " \
	  "zero is stored as zero bytes (a narrower read of them reads 0), an " \
	  "unbounded scalar as unknown bytes") \
	X(CALLBACK_ITERATE, "callback-iterate", \
	  "a callback of bpf_loop, bpf_for_each_map_elem, bpf_find_vma or " \
	  "bpf_user_ringbuf_drain is walked as a loop body: queued at the call, back " \
	  "to the call at its exit until the states there converge (bpf_loop: at most " \
	  "its count's maximum), imprecise scalars widened; worded 'At callback return " \
	  "the register R0 has smin=…'; else walked once, in the caller's path, as a " \
	  "call") \
	X(SPIN_LOCK_RECORD_MSG, "spin-lock-record-msg", \
	  "a map value without a usable bpf_spin_lock is \"map 'm' has no valid " \
	  "bpf_spin_lock\" and a wrong offset names the lock's ('off 8 doesn't point to " \
	  "'struct bpf_spin_lock' that is at 0'), and allocated objects (ptr_ in 'expected=') may " \
	  "hold locks and kptrs; else \"map 'm' doesn't have 'struct " \
	  "bpf_spin_lock'\", '... is not a struct type or bpf_spin_lock is mangled', '... " \
	  "has more than one ...', and 'off 8 doesn't point to 'struct bpf_spin_lock''") \
	X(LOCK_STATIC_CALLS, "lock-static-calls", \
	  "static subprograms may be called while a bpf_spin_lock is held and may " \
	  "return holding it; else any bpf-to-bpf call is 'function calls are not " \
	  "allowed while holding a lock' and every exit must have unlocked") \
	X(LOCK_EXIT_REGION_MSG, "lock-exit-region-msg", \
	  "the main program's exit with a lock held is 'BPF_EXIT instruction in main " \
	  "prog cannot be used inside bpf_spin_lock-ed region'; else 'bpf_spin_unlock " \
	  "is missing'") \
	X(TAIL_CALL_MAP_MSG, "tail-call-map-msg", \
	  "bpf_tail_call with a map that is not a prog array is 'expected prog array " \
	  "map for tail call'; else 'kernel subsystem misconfigured verifier'") \
	X(TAIL_CALL_CHANGES_PKT, "tail-call-changes-pkt", \
	  "bpf_tail_call counts as a helper that changes packet data: packet pointers " \
	  "are invalid after it (the tail-called program may have moved the data); " \
	  "else they survive it") \
	X(TAIL_CALL_SUBPROG_EXIT, "tail-call-subprog-exit", \
	  "a tail call in a subprogram is also followed as a return from the " \
	  "subprogram (R0 unknown, packet pointers invalid); else only the failed " \
	  "call's fall-through is walked") \
	X(SPILL_SCALAR_ID, "spill-scalar-id", \
	  "spilling a scalar without an id gives it a fresh one, shared by the stack " \
	  "slot, so a bound learnt after filling it applies to the register too (and " \
	  "later ids in messages count it); else the spill copies the register as is") \
	X(SMP_ID_BOUNDED, "smp-id-bounded", \
	  "bpf_get_smp_processor_id() returns at most nr_cpu_ids - 1 of the machine " \
	  "that loads the program (known to bpfverify only when told: --nr-cpus); " \
	  "else any u32") \
	X(GLOBAL_FUNC_AFTER_MAIN, "global-func-after-main", \
	  "global functions are verified after the main program, only those it " \
	  "reaches, and their prototype is checked at the call (\"Caller passes " \
	  "invalid args into func#1 ('f')\"); else every global function is " \
	  "verified first, in order, and the call-site lines name no function") \
	X(GLOBAL_FUNC_ARG_TAGS, "global-func-arg-tags", \
	  "a global function's arg:ctx, arg:nonnull, arg:nullable, arg:trusted and " \
	  "arg:arena decl tags decide its argument kinds; else decl tags are ignored") \
	X(MAP_KEY_ANY_MEM, "map-key-any-mem", \
	  "a helper's map key or value argument may be any memory (PTR_TO_MEM, " \
	  "ringbuf memory, buffers, trusted pointers); else only the stack, packet, " \
	  "map key and map value") \
	X(MEM_ARG_BTF_PTR, "mem-arg-btf-ptr", \
	  "a BTF pointer passed as memory (helper or global function argument) is " \
	  "checked as a read of its struct (\"access beyond struct thread_info at " \
	  "off 0 size 9792\"); else it is not memory") \
	X(FASTCALL_SPILLS, "fastcall-spills", \
	  "spill/fill pairs around a call to bpf_get_smp_processor_id() (a " \
	  "bpf_fastcall helper the JIT inlines) at the bottom of the stack do not " \
	  "count in the stack size check; else they do") \
	X(PERCPU_ARG_FLAGS, "percpu-arg-flags", \
	  "bpf_per_cpu_ptr()/bpf_this_cpu_ptr() also take per-CPU BTF pointers that " \
	  "are RCU-protected or trusted, listed as 'expected=percpu_ptr_, " \
	  "percpu_rcu_ptr_, percpu_trusted_ptr_'; else only a plain per-CPU pointer " \
	  "('expected=percpu_ptr_')") \
	X(MAP_IN_MAP_PTR, "map-in-map-ptr", \
	  "a lookup in an array or hash of maps returns the inner map's pointer, " \
	  "map_ptr_or_null, until NULL-checked; else map_value_or_null of the outer " \
	  "map, which the NULL check turns into the inner map's map_ptr") \
	X(GLOBAL_FUNC_CHANGES_PKT, "global-func-changes-pkt", \
	  "a call to a global function that may change packet data (it calls a " \
	  "helper that does, or a tail call, directly or through static " \
	  "subprograms) invalidates the caller's packet pointers; else they survive") \
	X(RCU_REGION_EXIT_MSG, "rcu-region-exit-msg", \
	  "an exit inside bpf_rcu_read_lock() is refused after the reference-leak " \
	  "check with \"BPF_EXIT instruction in main prog cannot be used inside " \
	  "bpf_rcu_read_lock-ed region\" (6.18); else before it with " \
	  "\"bpf_rcu_read_unlock is missing\"") \
	X(PRECISE_FRAMES, "precise-frames", \
	  "precision backtracking follows calls, returns and callbacks across frames " \
	  "and spills/fills through any stack pointer (recorded in the path history); " \
	  "else a call, return or callback on the way marks every scalar precise, only " \
	  "fp-relative stack accesses of one frame are followed, and the walk up the " \
	  "kept states stops at one that already had the marks") \
	X(PRECISE_LINKED_REGS, "precise-linked-regs", \
	  "a branch on a scalar linked to others by id records them, and backtracking " \
	  "marks them all precise when one is; else only the compared register") \
	X(HIST_CHECKPOINT, "hist-checkpoint", \
	  "a path whose history since its last kept state has more than 40 entries " \
	  "(jump targets, spills/fills, linked branches) is kept at the next prune " \
	  "point; else no such rule") \
	X(SPILL_MISC_EQUIV, "stack-spill-misc-equiv", \
	  "state pruning compares a slot holding a spilled 64-bit scalar with one of " \
	  "unknown bytes as the scalars they load (an imprecise spill matches unknown " \
	  "bytes); else the slots' byte kinds must match") \
	X(PRECISE_ARGS, "precise-args", \
	  "more checks mark the scalars they rest on precise: a NULL passed for a " \
	  "nullable helper argument, bpf_get_local_storage's flags, a kfunc's constant " \
	  "(__k) argument (the program's return value: retval-precise); else those " \
	  "values are not marked") \
	X(LD_ABS_SUBPROG_EXIT, "ld-abs-subprog-exit", \
	  "LD_ABS/LD_IND in a subprogram may end it returning 0 (the hidden exit " \
	  "the JIT emits for a short packet): the walk returns to the caller with " \
	  "R0=0 and walks the load's next instruction later; else the load only " \
	  "falls through") \
	X(RETVAL_PRECISE, "retval-precise", \
	  "the exit's return value check marks R0 precise, so kept states compare " \
	  "the value a path returns; else the check reads R0's tnum only and " \
	  "a state returning another value in range prunes") \
	X(CHECK_MTU_LEN_IN, "check-mtu-len-in", \
	  "bpf_check_mtu's mtu_len argument is MEM_WRITE without MEM_UNINIT " \
	  "(the kernel reads it as an input too); else MEM_UNINIT as well") \
	X(MAP_PTR_UNPRIV_STRUCT_MSG, "map-ptr-unpriv-struct-msg", \
	  "a load through a map's pointer without CAP_PERFMON is refused as " \
	  "\"'struct bpf_array' access is allowed only to ...\"; else the struct " \
	  "name is not quoted (\"bpf_array access is allowed only to ...\")") \
	X(NE_CONST_BOUNDS, "ne-const-bounds", \
	  "`if r != K` (and the fall-through of `if r == K`) moves a bound of r " \
	  "that equals K off it ('if r2 != 0x0' gives r2 umin=1 on its jump); " \
	  "else that edge learns nothing") \
	X(SCC_LOOPS, "scc-loops", \
	  "loops are the strongly connected components of the control flow graph " \
	  "(and each callback-calling helper's call): while a loop's walk has met " \
	  "earlier states of itself, its kept states compare every scalar's range and " \
	  "keep dead registers, and when the loop's first kept state is done the " \
	  "precision marks flow back along those meetings ('SCC enter/backedge/exit' " \
	  "in the level-2 log); else loop-entry's rule, or none") \
	X(LOOP_ENTRY, "loop-entry", \
	  "(kernels without scc-loops) a path that meets a kept state of a loop still " \
	  "walked (may_goto, or a state whose loop is still walked) names that loop's " \
	  "head its loop entry, an ended path passes it to its parent, and a kept " \
	  "state whose loop entry is still walked keeps dead registers and compares " \
	  "every scalar's range; else kept states compare as everywhere") \
	X(LOOP_CMP_VALUELESS_ANY, "loop-cmp-valueless-any", \
	  "a loop's range comparison (may_goto, callbacks, states whose loop is still " \
	  "walked) lets a kept state's never-written stack bytes, unknown bytes (when " \
	  "uninitialised reads are allowed) and registers without a value match " \
	  "anything, as plain pruning does (observed on 6.18.44: a callback's " \
	  "'?m0mmmmm' slot meets a kept '?mmmmmmm'); else every slot's byte kinds must " \
	  "match and a register without a value matches only one") \
	X(PRUNE_IDS_STRICT, "prune-ids-strict", \
	  "state pruning maps ids one to one, an id on one side only never " \
	  "matches, and linked scalars compare their ids; else (check_ids before " \
	  "6.4) an old id may map to any current id, none or one already taken, " \
	  "scalar ids are not compared, and references and the held lock must " \
	  "carry the same id numbers") \
	X(ALU_NONCONST_SRC, "alu-nonconst-src", \
	  "`r |= rX`, `r ^= rX` and `r *= rX` with a non-constant rX keep what " \
	  "is known of r (tnum and bounds); else the result is an unknown scalar") \
	X(DYNPTR_IDS, "dynptr-ids", \
	  "a dynptr on the stack gets an id of its own (taken before its reference, " \
	  "if any), its slots are checked and marked while its argument is, stores " \
	  "and re-initialisation destroy an unreferenced one and refuse a referenced " \
	  "one ('cannot overwrite referenced dynptr'), dynptr arguments are numbered " \
	  "from 0 ('Expected an initialized dynptr as arg #0' for R1) and a misplaced " \
	  "one is 'cannot pass in dynptr at an offset=-8'; else (the first dynptrs) " \
	  "no id, slots marked after every argument, a slot holding a dynptr is no " \
	  "uninitialized dynptr ('Dynptr has to be an uninitialized dynptr'), " \
	  "arguments count from 1 and 'cannot pass in dynptr at an offset'") \
	X(LOAD_TRUST_MISMATCH, "load-trust-mismatch", \
	  "a load reached through BTF pointers of different trust (trusted_ptr_, " \
	  "rcu_ptr_, ptr_, untrusted_ptr_ of any struct) on different paths is " \
	  "kept, as an untrusted load; else 'same insn cannot be used with " \
	  "different pointers' (stores and atomics: always)") \
	X(MOV_CONST_NO_ID, "mov-const-no-id", \
	  "`rX = rY` of a constant scalar gives neither register an id (constants " \
	  "need no link), and a 32-bit copy `wX = wY` of a value below 2^32 is " \
	  "linked like a 64-bit one; else a 64-bit copy gives the source a fresh " \
	  "id whatever its value (later ids in messages count them: 'Unreleased " \
	  "reference id=67') and a 32-bit copy is never linked")

enum bv_feature {
#define BV_FEATURE_ENUM(e, n, d) BV_FEAT_##e,
	BV_FEATURES(BV_FEATURE_ENUM)
#undef BV_FEATURE_ENUM
	BV_FEAT_COUNT,
};

#ifdef __cplusplus
static_assert(BV_FEAT_COUNT <= 64, "feature bits live in one uint64_t");
#else
_Static_assert(BV_FEAT_COUNT <= 64, "feature bits live in one uint64_t");
#endif

#define BV_FEAT_BIT(f) (UINT64_C(1) << (f))
/* Every behaviour this bpfverify knows: the newest verifier's. */
#define BV_FEATURES_ALL (BV_FEAT_COUNT >= 64 ? UINT64_MAX : BV_FEAT_BIT(BV_FEAT_COUNT) - 1)

/* "cpuv4-insns" for BV_FEAT_CPUV4_INSNS; NULL for an out-of-range value. */
const char *bv_feature_name(enum bv_feature f);
/* One-line description (for `bpfverify-db show` and docs). */
const char *bv_feature_description(enum bv_feature f);
/* The feature of that name, or -1 when no behaviour has that name. */
int bv_feature_by_name(const char *name);

#endif
