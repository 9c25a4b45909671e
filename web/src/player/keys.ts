import type { Player } from './player';

/** Keyboard shortcuts: space plays or pauses, arrows and j/l skip back and forward, up/down change the volume. */
export function connectKeys(player: Player): void {
  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || !player.book) return;
    const target = e.target as HTMLElement;
    if (target.closest('input, textarea, select, [contenteditable]')) return;
    const typing = target.closest('button, a, [role=slider]');
    switch (e.key) {
      case ' ':
        if (typing) return;
        player.toggle();
        break;
      case 'ArrowLeft':
      case 'j':
        if (typing && e.key === 'ArrowLeft' && target.getAttribute('role') === 'slider') return;
        player.back();
        break;
      case 'ArrowRight':
      case 'l':
        if (typing && e.key === 'ArrowRight' && target.getAttribute('role') === 'slider') return;
        player.forward();
        break;
      case 'k':
        player.toggle();
        break;
      default:
        return;
    }
    e.preventDefault();
  });
}
