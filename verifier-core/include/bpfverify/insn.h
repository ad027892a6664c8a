/* bpfverify/insn.h — the eBPF instruction encoding, as numbers.
 *
 * The encoding is the kernel's UAPI (struct bpf_insn and its opcode fields);
 * the core restates it here so that it depends on libc only. Only the facts
 * (layout and values) carry over.
 */
#ifndef BPFVERIFY_INSN_H
#define BPFVERIFY_INSN_H

#include <stdint.h>

struct bv_insn {
	uint8_t code;
	uint8_t dst_reg : 4;
	uint8_t src_reg : 4;
	int16_t off;
	int32_t imm;
};

/* Instruction classes: code & 0x07. */
#define BV_CLASS(code)   ((code) & 0x07)
#define BV_LD     0x00
#define BV_LDX    0x01
#define BV_ST     0x02
#define BV_STX    0x03
#define BV_ALU    0x04
#define BV_JMP    0x05
#define BV_JMP32  0x06
#define BV_ALU64  0x07

/* Load/store: size (code & 0x18) and mode (code & 0xe0). */
#define BV_SIZE(code)    ((code) & 0x18)
#define BV_W      0x00
#define BV_H      0x08
#define BV_B      0x10
#define BV_DW     0x18
#define BV_MODE(code)    ((code) & 0xe0)
#define BV_IMM    0x00
#define BV_ABS    0x20
#define BV_IND    0x40
#define BV_MEM    0x60
#define BV_MEMSX  0x80
#define BV_ATOMIC 0xc0

/* ALU/JMP: operation (code & 0xf0) and source (code & 0x08). */
#define BV_OP(code)      ((code) & 0xf0)
#define BV_SRC(code)     ((code) & 0x08)
#define BV_K      0x00
#define BV_X      0x08

#define BV_ADD    0x00
#define BV_SUB    0x10
#define BV_MUL    0x20
#define BV_DIV    0x30
#define BV_OR     0x40
#define BV_AND    0x50
#define BV_LSH    0x60
#define BV_RSH    0x70
#define BV_NEG    0x80
#define BV_MOD    0x90
#define BV_XOR    0xa0
#define BV_MOV    0xb0
#define BV_ARSH   0xc0
#define BV_END    0xd0
#define BV_TO_LE  0x00
#define BV_TO_BE  0x08

#define BV_JA     0x00
#define BV_JEQ    0x10
#define BV_JGT    0x20
#define BV_JGE    0x30
#define BV_JSET   0x40
#define BV_JNE    0x50
#define BV_JSGT   0x60
#define BV_JSGE   0x70
#define BV_CALL   0x80
#define BV_EXIT   0x90
#define BV_JLT    0xa0
#define BV_JLE    0xb0
#define BV_JSLT   0xc0
#define BV_JSLE   0xd0
#define BV_JCOND  0xe0

/* Atomic operations (imm of BV_STX|BV_ATOMIC). */
#define BV_FETCH   0x01
#define BV_XCHG    (0xe0 | BV_FETCH)
#define BV_CMPXCHG (0xf0 | BV_FETCH)
#define BV_LOAD_ACQ  0x100
#define BV_STORE_REL 0x110

/* src_reg of ld_imm64 (pseudo loads). */
#define BV_PSEUDO_MAP_FD        1
#define BV_PSEUDO_MAP_VALUE     2
#define BV_PSEUDO_BTF_ID        3
#define BV_PSEUDO_FUNC          4
#define BV_PSEUDO_MAP_IDX       5
#define BV_PSEUDO_MAP_IDX_VALUE 6

/* src_reg of BV_JMP|BV_CALL. */
#define BV_PSEUDO_CALL          1
#define BV_PSEUDO_KFUNC_CALL    2

#define BV_MAX_REG   11  /* r0..r10 */
#define BV_REG_FP    10
#define BV_MAX_STACK 512

#endif
