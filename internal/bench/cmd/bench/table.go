package main

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"
	"time"
)

// printTables prints the medians: a table of start-up and memory, one of
// keypresses and commands, and the targets.
func printTables(w io.Writer, results []result, opt options) {
	fmt.Fprintf(w, "Medians of %d runs (%d keypresses of each kind per run); terminal %dx%d.\n\n",
		opt.runs, opt.keys, cols, rows)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "collection\tcards\treviews\thome frame\tfloor frame\thome/floor\tfirst card\tpeak RSS home\tpeak RSS study\tpeak RSS floor\t")
	for _, r := range results {
		home, floor := median(r.home), median(r.floor)
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%.1fx\t%s\t%s\t%s\t%s\t\n", r.c.name, count(r.c.cards), count(r.c.reviews),
			ms(home), ms(floor), float64(home)/float64(max(floor, 1)), ms(median(r.first)),
			mb(median(r.rssHome)), mb(median(r.rssStudy)), mb(median(r.rssFloor)))
	}
	tw.Flush()
	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "collection\treveal key\tgrade key\tfloor key\tstats\tcheck\tbrowser open\tsearch key\tslowest search key\t")
	for _, r := range results {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", r.c.name, ms(median(r.reveal)), ms(median(r.grade)),
			ms(median(r.floorK)), ms(median(r.stats)), ms(median(r.check)),
			ms(median(r.browseOpen)), ms(median(r.browseKey)), ms(slices.Max(r.browseKey)))
	}
	tw.Flush()
	fmt.Fprintln(w)
	printTargets(w, results)
}

// printTargets says which of issue 9's targets the figures meet.
func printTargets(w io.Writer, results []result) {
	frame := time.Second / 60 // Bubble Tea's default frame rate
	for _, r := range results {
		home, floor := median(r.home), median(r.floor)
		var checks []string
		if r.c.cards == 0 {
			checks = append(checks, verdict("home ≤ 2x floor", home <= 2*floor))
		} else if r.c.cards >= 100_000 {
			checks = append(checks,
				verdict("home ≤ 100 ms", home <= 100*time.Millisecond),
				verdict("first card ≤ 150 ms", median(r.first) <= 150*time.Millisecond),
				verdict("peak RSS < 64 MB", max(median(r.rssHome), median(r.rssStudy)) < 64<<20),
				verdict("every search key ≤ 50 ms", slices.Max(r.browseKey) <= 50*time.Millisecond))
		}
		fk := median(r.floorK)
		checks = append(checks, verdict("keys within a frame of the floor",
			median(r.reveal) <= fk+frame && median(r.grade) <= fk+frame))
		fmt.Fprintf(w, "%-8s %s\n", r.c.name, strings.Join(checks, "  "))
	}
}

// verdict is a target with whether it is met.
func verdict(target string, met bool) string {
	if met {
		return "[met] " + target
	}
	return "[MISSED] " + target
}

// ms formats a duration in milliseconds.
func ms(d time.Duration) string {
	return fmt.Sprintf("%.1f ms", float64(d)/float64(time.Millisecond))
}

// mb formats bytes in megabytes.
func mb(b int64) string { return fmt.Sprintf("%.1f MB", float64(b)/(1<<20)) }

// count formats a count, "-" for none.
func count(n int) string {
	if n == 0 {
		return "-"
	}
	return fmt.Sprint(n)
}
