// Command reportlint lints report documents against versioned rule packs. Its first domain
// is the Chinese government information-disclosure annual report (政府信息公开工作年度报告).
package main

import "os"

func main() {
	os.Exit(Main(os.Args[1:], SystemIO()))
}
