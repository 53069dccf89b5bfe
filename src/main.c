/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c: placeholder until the command line lands. */
int main (void);
int
main (void)
{
  return 0;
}
