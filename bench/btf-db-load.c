/* btf-db-load.c — bench helper for bench/btf-db: per profile, the median
 * time (ms) of R repetitions of
 *   unzstd   : decompressing vmlinux.btf.zst alone
 *   parse    : libbpf's btf__parse of the same raw BTF from a file
 *   load     : bvdb_profile__load_btf (read + decompress + btf__new)
 *   index    : bvdb_names__new on the loaded BTF (building the name index)
 *   names    : bvdb_profile__names (the index from the profile's cache when warm)
 *   view     : bvdb_profile__load_view + bvdb_profile__names_view: the BTF
 *              read in place (the mapped cache entry and its offset table
 *              when warm) with its name index, what the CLI and the plugin load
 * Usage: btf-db-load DB RUNS NAME... ; prints one line per profile. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <bpf/btf.h>
#include <bpf/libbpf.h>

#include "bpfverify/bvdb.h"
#include "bvdb_internal.h"

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp_d(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof(*v), cmp_d);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

int main(int argc, char **argv)
{
	int runs = argc > 2 ? atoi(argv[2]) : 0;
	char err[1024];

	if (argc < 4 || runs < 1 || runs > 1000) {
		fprintf(stderr, "usage: btf-db-load DB RUNS NAME...\n");
		return 2;
	}
	libbpf_set_print(NULL);
	printf("%-8s %8s %10s %10s %10s %10s %10s %10s\n", "profile", "raw_MB", "unzstd_ms",
	       "parse_ms", "load_ms", "index_ms", "names_ms", "view_ms");
	for (int a = 3; a < argc; a++) {
		double *t[6];
		char dir[4096], path[4200], raw_path[] = "/tmp/btf-db-load.XXXXXX";
		struct bvdb_profile *p;
		size_t raw_len = 0;
		void *raw;
		FILE *f;
		int fd;

		snprintf(dir, sizeof(dir), "%s/%s", argv[1], argv[a]);
		snprintf(path, sizeof(path), "%s/vmlinux.btf.zst", dir);
		p = bvdb_profile__open(dir, err, sizeof(err));
		raw = bvdb_zstd_unpack_file(path, BVDB_BTF_MAX, &raw_len, err, sizeof(err));
		fd = mkstemp(raw_path);
		if (!p || !raw || fd < 0 || !(f = fdopen(fd, "wb")) ||
		    fwrite(raw, 1, raw_len, f) != raw_len || fclose(f) != 0) {
			fprintf(stderr, "btf-db-load: %s: %s\n", argv[a], err);
			return 1;
		}
		free(raw);
		for (int k = 0; k < 6; k++)
			t[k] = calloc((size_t)runs, sizeof(double));
		for (int r = 0; r < runs; r++) {
			double t0 = now_ms();
			size_t len;
			void *u = bvdb_zstd_unpack_file(path, BVDB_BTF_MAX, &len, err, sizeof(err));
			struct btf *b;
			struct bvdb_names *ix;

			t[0][r] = now_ms() - t0;
			free(u);
			t0 = now_ms();
			b = btf__parse(raw_path, NULL);
			t[1][r] = now_ms() - t0;
			btf__free(b);
			t0 = now_ms();
			b = bvdb_profile__load_btf(p, err, sizeof(err));
			t[2][r] = now_ms() - t0;
			t0 = now_ms();
			ix = bvdb_names__new(b);
			t[3][r] = now_ms() - t0;
			bvdb_names__free(ix);
			t0 = now_ms();
			ix = bvdb_profile__names(p, b);
			t[4][r] = now_ms() - t0;
			bvdb_names__free(ix);
			btf__free(b);
			t0 = now_ms();
			{
				struct bvdb_btf *v = bvdb_profile__load_view(p, err, sizeof(err));

				ix = v ? bvdb_profile__names_view(p, v) : NULL;
				t[5][r] = now_ms() - t0;
				bvdb_names__free(ix);
				bvdb_btf__free(v);
			}
		}
		printf("%-8s %8.2f %10.2f %10.2f %10.2f %10.2f %10.2f %10.2f\n", argv[a],
		       raw_len / 1048576.0, median(t[0], runs), median(t[1], runs), median(t[2], runs),
		       median(t[3], runs), median(t[4], runs), median(t[5], runs));
		for (int k = 0; k < 6; k++)
			free(t[k]);
		unlink(raw_path);
		bvdb_profile__close(p);
	}
	return 0;
}
