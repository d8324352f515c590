import { useRouteParams } from '../../router/hash-router.ts';
import { BoardView } from './BoardView.tsx';
import { FileView } from './FileView.tsx';
import './acceptance.css';

/** 示范单位验收: the progress board, or one acceptance file (#/acceptance?id=…). */
export function AcceptancePage() {
  const params = useRouteParams();
  const id = params.get('id');
  return id ? <FileView id={id} /> : <BoardView />;
}
