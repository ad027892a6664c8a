/* compile_commands.json: finds a source file's compile command the way
 * clangd does (a --compile-commands-dir, or the nearest
 * compile_commands.json or build/compile_commands.json above the file),
 * decides whether it targets BPF, and turns it into the check's command. */
#ifndef BVLSP_COMPDB_H
#define BVLSP_COMPDB_H

struct compile_command {
	char *directory;
	char **argv;            /* NULL-terminated; argv[0] is the compiler */
	int argc;
	char *file;             /* as written in the entry, resolved absolute */
};

/* The entry for path, or NULL. fixed_dir: clangd's --compile-commands-dir
 * or NULL. Caller frees with compile_command_free. */
struct compile_command *compdb_lookup(const char *path, const char *fixed_dir);
void compile_command_free(struct compile_command *cc);

/* 1 when the command targets BPF: -target bpf*, --target=bpf*, or a
 * compiler whose name says bpf (bpf-gcc, bpf-unknown-none-gcc, …). */
int compile_command_is_bpf(const struct compile_command *cc);

struct check_options {
	const char *clang;      /* the compiler that loads the plugin */
	const char *plugin;
	const char *kernel;     /* kernel=… for the plugin, or NULL */
	int verbose;
};

/* The check's argv: the entry's options, minus output and dependency
 * options, plus -fsyntax-only, the plugin with json=-, and the source
 * read from standard input ("-"). NULL-terminated, malloc'd strings. */
char **compile_command_check_argv(const struct compile_command *cc, const char *path,
				  const struct check_options *opt);
void argv_free(char **argv);

#endif
