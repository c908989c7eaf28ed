/** The {@code diet} command line: {@link dev.diet.cli.Main} and one class per subcommand. */
package dev.diet.cli;
