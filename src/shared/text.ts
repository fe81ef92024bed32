/** Lower case without accents, so "perche" finds "perché" and "zoe" finds "Zoë". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
