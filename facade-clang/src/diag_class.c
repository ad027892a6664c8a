/* diag_class.c — the rejection classes: one stable id per kind of failure,
 * shared by the SARIF output (rule ids), the JSON results ("class") and the
 * diagnostics reference docs/diagnostics.md, which lists the same table.
 *
 * A result's class comes from its verdict and, for rejections, from the
 * kernel's message: the first class with a pattern matching the whole
 * message wins, so more specific classes come first. In a pattern '*'
 * matches any run of characters (none included); everything else is
 * literal. Ids never change once published; new classes go anywhere in
 * the table (order only decides overlaps), unmatched rejections fall into
 * "other-rejection".
 */
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "bpfverify/bvf.h"

#define PATTERNS(...) ((const char *const[]){ __VA_ARGS__, NULL })

static const struct bvf_diag_class classes[] = {
	{ "nullable-pointer", "Possibly NULL pointer used without a check",
	  "A pointer that may be NULL (a map lookup, a ringbuf reservation, a socket lookup, "
	  "a kfunc that may fail) is dereferenced, offset or passed on before the program "
	  "compared it with NULL on this path.",
	  PATTERNS("R* invalid mem access '*_or_null*'",
		   "R* pointer arithmetic on *_or_null* prohibited*",
		   "R* type=*_or_null* expected=*",
		   "Possibly NULL pointer passed to *",
		   "arg#* is expected to be non-NULL") },
	{ "invalid-dereference", "Dereference of a value that is not a valid pointer",
	  "A register holding a plain number (or a pointer kind that cannot be read through) "
	  "is used as a memory address.",
	  PATTERNS("R* invalid mem access '*'") },
	{ "uninitialized-register", "Read of a register that was never written",
	  "An instruction reads a register that holds no value on this path (e.g. a "
	  "helper's result register after the call clobbered it, or an unset argument).",
	  PATTERNS("R* !read_ok") },
	{ "packet-bounds", "Packet access not proven within data_end",
	  "A packet pointer is read or written beyond the range the program proved with "
	  "a comparison against data_end (or that a helper call invalidated).",
	  PATTERNS("invalid access to packet*",
		   "R* offset is outside of the packet*") },
	{ "map-value-bounds", "Access outside a map value or memory region",
	  "A read or write through a map value (or other sized memory) pointer falls "
	  "outside the value's size.",
	  PATTERNS("invalid access to map value*",
		   "value * makes map_value pointer be out of bounds",
		   "invalid access to memory*") },
	{ "unbounded-index", "Offset or size without a proven bound",
	  "A variable offset or size has no upper or lower bound the verifier can prove, "
	  "so the access might land anywhere.",
	  PATTERNS("R* min value is negative*",
		   "R* unbounded memory access*",
		   "math between * pointer and register with unbounded min value is not allowed",
		   "R* invalid zero-sized read*",
		   "invalid zero-sized read*") },
	{ "context-access", "Invalid access to the program's context",
	  "The program reads or writes a field of its context (ctx) that its program type "
	  "does not allow, at that offset or size, or through a modified context pointer.",
	  PATTERNS("invalid bpf_context access*",
		   "dereference of modified ctx ptr*",
		   "R* invalid tracepoint buffer access*",
		   "invalid access to flow keys*") },
	{ "read-only-write", "Write to memory the program may only read",
	  "A store targets read-only memory: the packet of a program type that cannot "
	  "write it, a read-only map, or a kernel object.",
	  PATTERNS("cannot write into packet",
		   "write into map forbidden*",
		   "only read is supported",
		   "only read from bpf_array is supported",
		   "* is not modifiable") },
	{ "stack-access", "Invalid stack access",
	  "A read of stack slots that were never written, a write outside the 512-byte "
	  "frame, or a variable or misaligned stack offset.",
	  PATTERNS("invalid * stack R*",
		   "invalid *stack R*",
		   "misaligned stack access*",
		   "invalid size of register fill") },
	{ "pointer-arithmetic", "Forbidden arithmetic on a pointer",
	  "An operation the verifier does not allow on a pointer of this kind (bitwise "
	  "operators, shifts, arithmetic on packet end, a variable offset into a kernel "
	  "object), or a dereference of a pointer whose offset was modified.",
	  PATTERNS("R* pointer arithmetic*prohibited*",
		   "R* bitwise operator * on pointer prohibited",
		   "R* is * invalid variable offset*",
		   "dereference of modified * ptr*") },
	{ "kernel-object-access", "Invalid access to a kernel object through BTF",
	  "A read through a BTF-typed pointer (a tracing argument, a socket, a per-CPU "
	  "variable) falls outside the kernel struct or uses a field or argument it lacks.",
	  PATTERNS("access beyond struct *",
		   "R* invalid * access off=*",
		   "R* is ptr_* access percpu memory*",
		   "func * doesn't have *-th argument") },
	{ "reference-leak", "Acquired reference not released",
	  "A reference the program acquired (a socket lookup, a task or cgroup kfunc, a "
	  "ringbuf reservation) is still held at exit, or a release gets something that "
	  "is not a referenced pointer.",
	  PATTERNS("Unreleased reference*",
		   "R* must be referenced when passed to release function",
		   "release kernel function * expects refcounted*") },
	{ "return-value", "Return value outside the allowed range",
	  "The program (or a callback) returns a value its program type or attach point "
	  "does not accept, or one the verifier cannot bound.",
	  PATTERNS("At program exit the register*",
		   "At callback return the register*",
		   "At async callback*") },
	{ "lock-misuse", "Invalid use of a spin lock or RCU read section",
	  "bpf_spin_lock/unlock or bpf_rcu_read_lock/unlock are unbalanced, mismatched, "
	  "used where they are not allowed, or a forbidden call or exit happens while one "
	  "is held.",
	  PATTERNS("*bpf_spin_lock*", "*bpf_spin_unlock*",
		   "function calls are not allowed while holding a lock",
		   "global function calls are not allowed while holding a lock*",
		   "BPF_EXIT instruction in main prog cannot be used inside *-ed region",
		   "*rcu read lock*", "*rcu read unlock*", "bpf_rcu_read_unlock is missing") },
	{ "sleepable-context", "Sleeping call in a non-sleepable program",
	  "A helper or kfunc that may sleep is called from a program (or attach point) "
	  "that cannot sleep.",
	  PATTERNS("* is not sleepable",
		   "helper call might sleep in a non-sleepable prog",
		   "program must be sleepable to call sleepable kfunc *") },
	{ "gpl-only", "GPL-only function called from a non-GPL program",
	  "The program's license section is not GPL-compatible, but it calls a helper or "
	  "kfunc the kernel reserves for GPL programs.",
	  PATTERNS("cannot call GPL-restricted function from non-GPL compatible program",
		   "cannot call kernel function from non-GPL compatible program") },
	{ "helper-unavailable", "Helper, kfunc or map not available here",
	  "The target kernel lacks the helper, or the program type (or map type) may not "
	  "use it.",
	  PATTERNS("unknown func *",
		   "program of this type cannot use helper *",
		   "func * not supported for program type *",
		   "helper call is not allowed in probe",
		   "calling kernel function * is not allowed",
		   "cannot pass map_type * into func *",
		   "cannot update sockmap in this context",
		   "callback function not allowed for map") },
	{ "argument-type", "Helper or kfunc argument of the wrong type",
	  "An argument register holds a different kind of value than the helper's or "
	  "kfunc's prototype requires (e.g. a stack pointer where a map value is expected, "
	  "a non-constant where a constant is required).",
	  PATTERNS("R* type=* expected=*",
		   "arg#*",
		   "R* is of type * but * is expected",
		   "R* is not a known constant*",
		   "R* is not a scalar",
		   "R* must be a rcu pointer",
		   "kernel function * args#* expected *",
		   "Invalid format string",
		   "fd * is not pointing to valid bpf_map",
		   "expected prog array map for tail call",
		   "off * doesn't point to 'struct bpf_timer'*") },
	{ "program-too-complex", "Program too large or too complex to verify",
	  "Verification would exceed a kernel limit: one million processed instructions, "
	  "the jump sequence limit, the call depth or combined stack size, or the verifier "
	  "found a loop it cannot prove ends.",
	  PATTERNS("BPF program is too large*",
		   "The sequence of * jumps is too complex*",
		   "infinite loop detected*",
		   "back-edge from insn*",
		   "the call stack of * frames is too deep*",
		   "combined stack size of * calls is *",
		   "tail_calls are not allowed when call stack*") },
	{ "global-function", "Global (non-static) function not verifiable on its own",
	  "A global function is verified independently of its callers and must take and "
	  "return only what the kernel allows for that.",
	  PATTERNS("Global function * doesn't return scalar*",
		   "callback function not static") },
	{ "invalid-instruction", "Instruction the kernel does not accept",
	  "An opcode or encoding the target kernel does not know (often a build that is not "
	  "-O2, or -mcpu newer than the kernel), a reserved field set, or a constant "
	  "division by zero.",
	  PATTERNS("unknown opcode *",
		   "BPF_* uses reserved fields",
		   "div by zero",
		   "invalid kernel function call not eliminated in verifier pass") },
	{ "core-relocation", "CO-RE relocation the kernel cannot satisfy",
	  "A field, type or enum value named by a CO-RE relocation does not exist in the "
	  "target kernel, and the program uses it on a path the verifier explores.",
	  PATTERNS("failed to resolve CO-RE relocation*") },
	{ "kernel-symbol", "Kernel symbol not found",
	  "A __ksym variable refers to a symbol the target kernel does not have.",
	  PATTERNS("ldimm64 failed to find the address for kernel symbol*") },
	{ "verifier-internal", "The kernel verifier reports an internal problem",
	  "The kernel's own verifier reports a bug or misconfiguration for this program.",
	  PATTERNS("verifier bug*", "kernel subsystem misconfigured verifier") },
	{ "other-rejection", "Rejected by the verifier",
	  "A rejection of a kind this table does not name yet; the message is the kernel's.",
	  PATTERNS("*") },
	{ "load-error", "The load fails before verification",
	  "libbpf or the kernel refuses the object before the verifier runs: an unresolved "
	  "extern or kfunc, an unknown program type, a CO-RE relocation libbpf cannot "
	  "apply. The message is libbpf's.",
	  NULL },
	{ "not-verified", "Could not be verified",
	  "bpfverify cannot verify this program (an unsupported feature, a kernel profile "
	  "that could not be opened); the message says why. Never an accept.",
	  NULL },
};

#define NR_CLASSES (sizeof(classes) / sizeof(classes[0]))

/* Whether `pattern` matches all of `s` ('*' any run, else literal). */
static bool glob_match(const char *pattern, const char *s)
{
	const char *star = NULL, *resume = NULL;

	while (*s) {
		if (*pattern == '*') {
			star = pattern++;
			resume = s;
		} else if (*pattern && *pattern == *s) {
			pattern++;
			s++;
		} else if (star) {
			pattern = star + 1;
			s = ++resume;
		} else {
			return false;
		}
	}
	while (*pattern == '*')
		pattern++;
	return !*pattern;
}

size_t bvf_diag_class_count(void)
{
	return NR_CLASSES;
}

const struct bvf_diag_class *bvf_diag_class_at(size_t i)
{
	return i < NR_CLASSES ? &classes[i] : NULL;
}

static const struct bvf_diag_class *by_id(const char *id)
{
	for (size_t i = 0; i < NR_CLASSES; i++)
		if (!strcmp(classes[i].id, id))
			return &classes[i];
	return NULL;
}

const struct bvf_diag_class *bvf_diag_class_of(enum bv_verdict v, const char *message)
{
	switch (v) {
	case BV_ACCEPT:
		return NULL;
	case BV_LOAD_ERROR:
		return by_id("load-error");
	case BV_REJECT:
		break;
	default:
		return by_id("not-verified");
	}
	for (size_t i = 0; i < NR_CLASSES; i++) {
		const char *const *p = classes[i].patterns;

		for (; p && *p; p++)
			if (glob_match(*p, message ? message : ""))
				return &classes[i];
	}
	return by_id("other-rejection");
}
