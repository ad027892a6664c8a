/* bpfverify-db — the kernel profiles bpfverify verifies for:
 *   bpfverify-db [--db DIR] list
 *   bpfverify-db [--db DIR] show NAME
 *   bpfverify-db [--db DIR] import SOURCE [--name NAME] [--release REL] [--module MOD]...
 * The db is --db DIR, else $BPFVERIFY_DB, else this build's btf-db/profiles.
 * Exit 0: done; 2: bad usage or unreadable input; 1: anything else. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <bpf/btf.h>

#include "bpfverify/bvdb.h"
#include "bpfverify/features.h"

#ifndef BVDB_DEFAULT_DB
#define BVDB_DEFAULT_DB "btf-db/profiles"
#endif

static const char usage[] =
	"usage: bpfverify-db [--db DIR] list\n"
	"       bpfverify-db [--db DIR] show NAME\n"
	"       bpfverify-db [--db DIR] import SOURCE [--name NAME] [--release REL] [--module MOD]...\n"
	"SOURCE: host (the running kernel), a raw BTF, a vmlinux, a vmlinuz or a Debian kernel .deb\n";

static int cmd_list(const char *db)
{
	struct bvdb_profile **v;
	size_t n;
	int e = bvdb_profiles__list(db, &v, &n);

	if (e) {
		fprintf(stderr, "bpfverify-db: %s: %s\n", db, strerror(-e));
		return 2;
	}
	printf("%-3s%-10s %-34s %s\n", "", "NAME", "RELEASE", "SOURCE");
	for (size_t i = 0; i < n; i++)
		printf("%-3s%-10s %-34s %s\n", i == 0 ? "*" : "", bvdb_profile__name(v[i]),
		       bvdb_profile__release(v[i]),
		       *bvdb_profile__source_text(v[i]) ? bvdb_profile__source_text(v[i]) : "-");
	if (n)
		printf("(* the default: the newest release)\n");
	bvdb_profiles__free(v, n);
	return 0;
}

/* Enumerators of `enum NAME` in btf, or -1 when it has none. */
static const struct btf_type *find_enum(const struct btf *btf, const char *name)
{
	int id = btf__find_by_name_kind(btf, name, BTF_KIND_ENUM);

	return id > 0 ? btf__type_by_id(btf, (uint32_t)id) : NULL;
}

/* Functions carrying the "bpf_kfunc" decl tag (newer pahole versions emit it). */
static int count_kfuncs(const struct btf *btf, uint32_t from)
{
	uint32_t n = btf__type_cnt(btf);
	int cnt = 0;

	for (uint32_t id = from; id < n; id++) {
		const struct btf_type *t = btf__type_by_id(btf, id), *f;

		if (!btf_is_decl_tag(t) || btf_decl_tag(t)->component_idx != -1 ||
		    strcmp(btf__name_by_offset(btf, t->name_off), "bpf_kfunc") != 0)
			continue;
		f = btf__type_by_id(btf, t->type);
		cnt += f && btf_is_func(f);
	}
	return cnt;
}

static void show_sizes(const char *dir, const char *sub, long long *total)
{
	char path[4400];
	struct dirent **ents;
	int n;

	snprintf(path, sizeof(path), "%s%s%s", dir, sub ? "/" : "", sub ? sub : "");
	n = scandir(path, &ents, NULL, alphasort);
	for (int i = 0; i < n; i++) {
		char f[4700];
		struct stat st;

		if (ents[i]->d_name[0] != '.') {
			snprintf(f, sizeof(f), "%s/%s", path, ents[i]->d_name);
			if (stat(f, &st) == 0 && S_ISREG(st.st_mode)) {
				printf("  %-28s %10lld\n", f + strlen(dir) + 1, (long long)st.st_size);
				*total += st.st_size;
			} else if (stat(f, &st) == 0 && S_ISDIR(st.st_mode) && !sub) {
				show_sizes(dir, ents[i]->d_name, total);
			}
		}
		free(ents[i]);
	}
	if (n >= 0)
		free(ents);
}

static int cmd_show(const char *db, const char *name)
{
	char dir[4200], err[1024];
	struct bvdb_profile *p;
	const struct btf_type *t;
	struct btf *btf;
	long long total = 0;
	int kf;

	if (strchr(name, '/') || name[0] == '.') {
		fprintf(stderr, "bpfverify-db: '%s' is not a profile name\n", name);
		return 2;
	}
	snprintf(dir, sizeof(dir), "%s/%s", db, name);
	p = bvdb_profile__open(dir, err, sizeof(err));
	if (!p) {
		if (errno == ENOENT)
			fprintf(stderr, "bpfverify-db: no profile '%s' in %s\n", name, db);
		else
			fprintf(stderr, "bpfverify-db: profile '%s' is broken: %s\n", name, err);
		return 2;
	}
	printf("profile %s\n", name);
	printf("release:              %s\n", bvdb_profile__release(p));
	printf("LINUX_KERNEL_VERSION: %u (%u.%u.%u)\n", bvdb_profile__kernel_version(p),
	       bvdb_profile__kernel_version(p) >> 16, (bvdb_profile__kernel_version(p) >> 8) & 255,
	       bvdb_profile__kernel_version(p) & 255);
	printf("source:               %s\n",
	       *bvdb_profile__source_text(p) ? bvdb_profile__source_text(p) : "- (not recorded)");
	printf("features (facts.json): %zu\n", bvdb_profile__feature_cnt(p));
	for (size_t i = 0; i < bvdb_profile__feature_cnt(p); i++) {
		int f = bv_feature_by_name(bvdb_profile__feature(p, i));

		printf("  %-24s %s\n", bvdb_profile__feature(p, i),
		       f >= 0 ? bv_feature_description((enum bv_feature)f) :
		       "(unknown to this bpfverify)");
	}
	btf = bvdb_profile__load_btf(p, err, sizeof(err));
	if (!btf) {
		fprintf(stderr, "bpfverify-db: profile '%s': %s\n", name, err);
		bvdb_profile__close(p);
		return 2;
	}
	printf("BTF types:            %u\n", btf__type_cnt(btf) - 1);
	t = find_enum(btf, "bpf_func_id");
	if (t) {
		int helpers = 0;

		for (int i = 0; i < btf_vlen(t); i++) {
			const char *en = btf__name_by_offset(btf, btf_enum(t)[i].name_off);

			helpers += strncmp(en, "BPF_FUNC_", 9) == 0 && strcmp(en, "BPF_FUNC_unspec") != 0;
		}
		printf("helpers:              %d (enum bpf_func_id: %d names)\n", helpers, btf_vlen(t));
	} else {
		printf("helpers:              unknown (no enum bpf_func_id in the BTF)\n");
	}
	kf = count_kfuncs(btf, 1);
	if (kf)
		printf("kfuncs:               %d (functions tagged bpf_kfunc in vmlinux)\n", kf);
	else
		printf("kfuncs:               unknown (no bpf_kfunc decl tags in this BTF: its pahole "
		       "did not emit them; the kfunc sets are in .BTF_ids, which a profile does not keep)\n");
	{
		struct btf *mb = bvdb_profile__load_module_btf(p, "nf_conntrack", btf, NULL, 0);

		if (mb) {
			int mk = count_kfuncs(mb, btf__type_cnt(btf));

			printf("  module nf_conntrack: %d kfuncs%s\n", mk,
			       mk ? "" : " (no bpf_kfunc decl tags)");
			btf__free(mb);
		}
	}
	t = find_enum(btf, "bpf_prog_type");
	if (t) {
		int cnt = 0;

		for (int i = 0; i < btf_vlen(t); i++)
			cnt += strncmp(btf__name_by_offset(btf, btf_enum(t)[i].name_off),
				       "BPF_PROG_TYPE_", 14) == 0;
		printf("program types:        %d\n ", cnt);
		for (int i = 0, col = 1; i < btf_vlen(t); i++) {
			const char *en = btf__name_by_offset(btf, btf_enum(t)[i].name_off);
			char lower[64];
			size_t l;

			if (strncmp(en, "BPF_PROG_TYPE_", 14) != 0 || strcmp(en + 14, "UNSPEC") == 0)
				continue;
			for (l = 0; en[14 + l] && l + 1 < sizeof(lower); l++)
				lower[l] = (char)(en[14 + l] >= 'A' && en[14 + l] <= 'Z' ?
						  en[14 + l] - 'A' + 'a' : en[14 + l]);
			lower[l] = '\0';
			if (col + l + 1 > 78) {
				printf("\n ");
				col = 1;
			}
			printf(" %s", lower);
			col += (int)l + 1;
		}
		printf("\n");
	}
	printf("on disk:\n");
	show_sizes(dir, NULL, &total);
	printf("  %-28s %10lld\n", "total", total);
	btf__free(btf);
	bvdb_profile__close(p);
	return 0;
}

static int cmd_import(const char *db, int argc, char **argv)
{
	struct bvdb_import_opts o = { .sz = sizeof(o), .db = db };
	const char *mods[32];
	const char *source = NULL;
	char name[64], err[2048];
	size_t nr_mods = 0;

	for (int i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--name") == 0 && i + 1 < argc) {
			o.name = argv[++i];
		} else if (strcmp(argv[i], "--release") == 0 && i + 1 < argc) {
			o.release = argv[++i];
		} else if (strcmp(argv[i], "--module") == 0 && i + 1 < argc) {
			if (nr_mods == 32) {
				fprintf(stderr, "bpfverify-db: at most 32 --module\n");
				return 2;
			}
			mods[nr_mods++] = argv[++i];
		} else if (argv[i][0] == '-' && argv[i][1]) {
			fprintf(stderr, "bpfverify-db: import: unknown option '%s'\n%s", argv[i], usage);
			return 2;
		} else if (!source) {
			source = argv[i];
		} else {
			fprintf(stderr, "bpfverify-db: import: one SOURCE only\n%s", usage);
			return 2;
		}
	}
	if (!source) {
		fprintf(stderr, "bpfverify-db: import: no SOURCE\n%s", usage);
		return 2;
	}
	if (nr_mods) {
		o.modules = mods;
		o.nr_modules = nr_mods;
	}
	if (bvdb_import(source, &o, name, sizeof(name), err, sizeof(err))) {
		fprintf(stderr, "bpfverify-db: %s\n", err);
		return 2;
	}
	printf("imported profile '%s' into %s/%s\n", name, db, name);
	return 0;
}

int main(int argc, char **argv)
{
	const char *db = bvdb_default_dir(BVDB_DEFAULT_DB);
	int i = 1;

	if (!db || !*db)
		db = BVDB_DEFAULT_DB;
	if (i + 1 < argc && strcmp(argv[i], "--db") == 0) {
		db = argv[i + 1];
		i += 2;
	}
	if (i >= argc || strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
		fputs(usage, i >= argc ? stderr : stdout);
		return i >= argc ? 2 : 0;
	}
	if (strcmp(argv[i], "list") == 0 && i + 1 == argc)
		return cmd_list(db);
	if (strcmp(argv[i], "show") == 0 && i + 2 == argc)
		return cmd_show(db, argv[i + 1]);
	if (strcmp(argv[i], "import") == 0) {
		/* --db may also follow the import arguments */
		for (int j = i + 1; j + 1 < argc; j++)
			if (strcmp(argv[j], "--db") == 0) {
				db = argv[j + 1];
				memmove(argv + j, argv + j + 2, (size_t)(argc - j - 2) * sizeof(*argv));
				argc -= 2;
				break;
			}
		return cmd_import(db, argc - i - 1, argv + i + 1);
	}
	fputs(usage, stderr);
	return 2;
}
